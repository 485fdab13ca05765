"""The HTML report in headless Chromium: it renders, right to left, with the
conflict highlighted, and a screenshot is written for a person to look at."""
from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import SEEDS

from muqabala.render.html import report_to_html
from muqabala.report import build_report

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
pytestmark = [pytest.mark.slow, pytest.mark.skipif(CHROMIUM is None, reason="headless Chromium not installed")]


def chromium(*args: str, tmp: Path) -> subprocess.CompletedProcess:
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={tmp / 'profile'}"]
    return subprocess.run([CHROMIUM, *flags, *args], capture_output=True, text=True, timeout=120)


def test_html_report_renders_in_chromium(tmp_path):
    report = build_report([SEEDS], event=22)
    page = tmp_path / "report.html"
    page.write_text(report_to_html(report), encoding="utf-8")
    dom = chromium("--dump-dom", page.as_uri(), tmp=tmp_path)
    assert dom.returncode == 0, dom.stderr[-500:]
    assert 'dir="rtl"' in dom.stdout and '<mark class="bad"' in dom.stdout and "نور سلطان" in dom.stdout
    shot = Path(os.environ.get("MUQABALA_SCREENSHOT", tmp_path / "report.png"))
    result = chromium(f"--screenshot={shot}", "--window-size=1400,2200", page.as_uri(), tmp=tmp_path)
    assert result.returncode == 0 and shot.is_file() and shot.stat().st_size > 20_000
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
