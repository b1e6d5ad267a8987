"""Small inline SVG charts for the report: grouped bars and box plots, no scripts, no assets."""

from __future__ import annotations

from html import escape

COLORS = ("#1f6f8b", "#e07a1f", "#4d9a3a", "#9b4dca", "#c23b3b", "#777777")
FONT = "font-family='Noto Sans CJK SC, WenQuanYi Micro Hei, sans-serif' font-size='12'"


def _fmt(value: float) -> str:
    return f"{value:,.0f}" if abs(value) >= 1000 else f"{value:.2f}".rstrip("0").rstrip(".")


def bar_chart(title: str, categories: list[str], series: dict[str, list[float]], percent: bool = False) -> str:
    """Horizontal grouped bars: one group per category, one bar per series (court)."""
    names = list(series)
    bar, gap, label_w, width = 12, 10, 190, 720
    plot_w = width - label_w - 70
    height = 40 + len(categories) * (len(names) * bar + gap) + 24
    top = max([v for values in series.values() for v in values] + [1e-9])
    if percent:
        top = max(top, 1e-9)
    parts = [
        f"<svg xmlns='http://www.w3.org/2000/svg' class='chart' role='img' width='{width}' height='{height}' "
        f"viewBox='0 0 {width} {height}' {FONT}><title>{escape(title)}</title>",
        f"<text x='4' y='16' font-weight='bold'>{escape(title)}</text>",
    ]
    for i, name in enumerate(names):
        parts.append(
            f"<rect x='{label_w + i * 110}' y='24' width='10' height='10' fill='{COLORS[i % len(COLORS)]}'/>"
            f"<text x='{label_w + i * 110 + 14}' y='33'>{escape(name)}</text>"
        )
    y = 44
    for c, category in enumerate(categories):
        parts.append(f"<text x='{label_w - 6}' y='{y + len(names) * bar / 2 + 4}' text-anchor='end'>{escape(category)}</text>")
        for i, name in enumerate(names):
            value = series[name][c]
            w = plot_w * value / top
            text = f"{value * 100:.0f}%" if percent else _fmt(value)
            parts.append(
                f"<rect x='{label_w}' y='{y}' width='{w:.1f}' height='{bar - 2}' fill='{COLORS[i % len(COLORS)]}'>"
                f"<title>{escape(name)}：{text}</title></rect>"
                f"<text x='{label_w + w + 3:.1f}' y='{y + bar - 3}' font-size='10'>{text}</text>"
            )
            y += bar
        y += gap
    parts.append("</svg>")
    return "".join(parts)


def box_chart(
    title: str, groups: list[tuple[str, dict[str, float] | None]], unit: str = "", cycle: int | None = None,
    log: bool = False,
) -> str:
    """One horizontal box plot (min, quartiles, median, max) per group; empty groups say so.

    `cycle`: colours repeat every `cycle` groups (约定/支持/上限 alike in every court); `log`: a
    logarithmic axis, for money spread over orders of magnitude."""
    import math

    label_w, width, row = 190, 760, 30
    plot_w = width - label_w - 150
    height = 34 + len(groups) * row + 20
    stats = [s for _, s in groups if s]
    low = min((s["min"] for s in stats), default=0.0)
    high = max((s["max"] for s in stats), default=1.0)
    if log and low <= 0:  # a zero (nothing granted) sits at the axis' start
        low = min((v for s in stats for v in (s["min"], s["q1"], s["median"], s["q3"], s["max"]) if v > 0), default=0.0)
    log = log and low > 0

    def axis(value: float) -> float:
        return math.log10(max(value, low)) if log else value

    span = (axis(high) - axis(low)) or 1.0

    def x(value: float) -> float:
        return label_w + plot_w * (axis(value) - axis(low)) / span

    parts = [
        f"<svg xmlns='http://www.w3.org/2000/svg' class='chart' role='img' width='{width}' height='{height}' "
        f"viewBox='0 0 {width} {height}' {FONT}><title>{escape(title)}</title>",
        f"<text x='4' y='16' font-weight='bold'>{escape(title)}</text>",
    ]
    y = 30
    for i, (label, s) in enumerate(groups):
        color = COLORS[(i % cycle if cycle else i) % len(COLORS)]
        parts.append(f"<text x='{label_w - 6}' y='{y + 15}' text-anchor='end'>{escape(label)}</text>")
        if not s:
            parts.append(f"<text x='{label_w}' y='{y + 15}' fill='#999'>无数据</text>")
        else:
            mid = y + 11
            parts.append(
                f"<line x1='{x(s['min']):.1f}' x2='{x(s['max']):.1f}' y1='{mid}' y2='{mid}' stroke='{color}'/>"
                f"<rect x='{x(s['q1']):.1f}' y='{y + 3}' width='{max(x(s['q3']) - x(s['q1']), 1):.1f}' height='16' "
                f"fill='{color}' fill-opacity='0.35' stroke='{color}'><title>{escape(label)}：n={s['n']:.0f}，"
                f"中位数{_fmt(s['median'])}{unit}，{_fmt(s['min'])}–{_fmt(s['max'])}{unit}</title></rect>"
                f"<line x1='{x(s['median']):.1f}' x2='{x(s['median']):.1f}' y1='{y + 3}' y2='{y + 19}' stroke='{color}' stroke-width='2'/>"
                f"<text x='{x(s['max']) + 4:.1f}' y='{mid + 4}' font-size='10'>n={s['n']:.0f} 中位 {_fmt(s['median'])}{unit}</text>"
            )
        y += row
    parts.append(
        f"<text x='{label_w}' y='{y + 12}' font-size='10' fill='#555'>{_fmt(low)}{unit}</text>"
        f"<text x='{label_w + plot_w}' y='{y + 12}' font-size='10' fill='#555' text-anchor='end'>{_fmt(high)}{unit}"
        f"{'（对数刻度）' if log else ''}</text></svg>"
    )
    return "".join(parts)
