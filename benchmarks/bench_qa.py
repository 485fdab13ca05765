"""QA latency for a 15-sentence draft against the seed index, cold (fresh
process work: model load + index open) and warm (model loaded, index built).
Prints figures; never fails on speed.

    python benchmarks/bench_qa.py
"""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DRAFT = """اختتمت في العاصمة الكازاخستانية أستانة اجتماعات الجولة الثانية والعشرين من محادثات أستانا حول سوريا.
وعقدت الاجتماعات يومي 11 و12 تشرين الثاني 2024 بمشاركة الدول الضامنة تركيا وروسيا وإيران.
وترأس الوفد الروسي المبعوث الخاص ألكسندر لافرنتييف.
وترأس الوفد الإيراني علي أصغر حاجي.
وشدد البيان الختامي على أهمية الحفاظ على التهدئة في إدلب.
وأعربت الدول الضامنة عن قلقها من الأنشطة الإرهابية في منطقة خفض التصعيد.
ودعا البيان إلى عودة آمنة وطوعية وكريمة للاجئين والنازحين.
وأدان البيان الهجمات الإسرائيلية على سوريا ولبنان.
ودعا البيان إلى وقف فوري لإطلاق النار في غزة.
وأكد البيان رفض الأجندات الانفصالية في شمال شرق سوريا.
وأشاد البيان بآلية الإفراج عن المعتقلين والمفقودين.
ودعا البيان اللجنة الدستورية إلى استئناف عملها.
واتفقت الأطراف على عقد القمة الثلاثية المقبلة في روسيا.
وستعقد الجولة المقبلة في النصف الأول من عام 2025.
وحضر الاجتماعات مراقبون من الأردن ولبنان والعراق.
"""


def main() -> int:
    root = tempfile.mkdtemp(prefix="muqabala-qa-bench-")
    os.environ["MUQABALA_INDEXES"] = root
    os.environ.setdefault("MUQABALA_MODELS", str(ROOT / "indexes" / "models"))
    draft = Path(root) / "draft.txt"
    draft.write_text(DRAFT, encoding="utf-8")
    env = dict(os.environ)
    subprocess.run([sys.executable, "-m", "muqabala.cli.main", "index", str(ROOT / "seeds")], env=env,
                   capture_output=True, check=True)
    cold = []
    for _ in range(3):
        t = time.perf_counter()
        subprocess.run([sys.executable, "-m", "muqabala.cli.main", "qa", str(draft), "--format", "json"], env=env,
                       capture_output=True)
        cold.append(time.perf_counter() - t)
    from muqabala.qa import read_draft, run_qa

    t = time.perf_counter()
    first = run_qa(read_draft(str(draft)))
    in_process_first = time.perf_counter() - t
    warm = []
    for _ in range(10):
        t = time.perf_counter()
        result = run_qa(read_draft(str(draft)))
        warm.append(time.perf_counter() - t)
    print(f"draft: {len(result.sentences)} sentences; {result.counts}")
    print(f"cold (new process: imports, model load, index open, check): median {statistics.median(cold):.2f} s "
          f"over {len(cold)} runs (min {min(cold):.2f} s)")
    print(f"first call in a process (model load included): {in_process_first:.2f} s")
    print(f"warm (model loaded, index built, embeddings cached): median {statistics.median(warm) * 1000:.0f} ms, "
          f"max {max(warm) * 1000:.0f} ms over {len(warm)} runs")
    del first
    return 0


if __name__ == "__main__":
    sys.exit(main())
