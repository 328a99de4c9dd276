"""The colours of the classes, the same in every chapter: class 0 red, class 1
blue, then green, orange, purple... (matplotlib's "tab10" colours, reordered).
Every plot that shows classes takes its colours from here."""
CLASS_COLORS = ("#d62728", "#1f77b4", "#2ca02c", "#ff7f0e", "#9467bd",
                "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf")


def class_color(label):
    """The colour of class `label` (the palette repeats after ten classes)."""
    return CLASS_COLORS[int(label) % len(CLASS_COLORS)]
