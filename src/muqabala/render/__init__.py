"""Stage 8, render: the report as JSON, Markdown, self-contained HTML or a rich terminal view."""
