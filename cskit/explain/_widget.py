"""The two faces of an explainer: a live widget and a static picture with text.

Both take a logic module (see :mod:`cskit.explain.logic`) and its prepared
base data. :class:`Explainer` turns each :class:`~cskit.explain.logic.Control`
into an ipywidgets control and recomputes the view when one changes; it
shows the figure as an ``ipywidgets.Image`` (PNG bytes), never through an
``Output`` widget. :class:`StaticExplainer` displays the same figure and text
for one set of values as plain notebook outputs.
"""

from __future__ import annotations

import base64
import html
from typing import Any

from cskit.errors import InvalidParameterError
from cskit.explain._figures import png
from cskit.explain.logic import Control, View
from cskit.i18n import t


def initial_values(controls: list[Control], overrides: dict[str, Any]) -> dict[str, Any]:
    """Control defaults, with ``overrides`` (checked against the controls' names and ranges)."""
    by_name = {c.name: c for c in controls}
    unknown = sorted(set(overrides) - set(by_name))
    if unknown:
        raise InvalidParameterError(
            f"Unknown explainer input(s) {', '.join(map(repr, unknown))}; this explainer has "
            f"{', '.join(map(repr, by_name))}."
        )
    values = {c.name: c.default for c in controls}
    for name, value in overrides.items():
        control = by_name[name]
        if control.kind in ("int", "float"):
            if not (control.min <= value <= control.max):  # type: ignore[operator]
                raise InvalidParameterError(
                    f"{name}={value!r} is outside the range {control.min} … {control.max}."
                )
        elif control.kind == "multi":
            allowed = {v for v, _ in control.options}
            value = tuple(value)
            if not set(value) <= allowed:
                raise InvalidParameterError(
                    f"{name}={value!r} holds values that are not among {sorted(allowed)}."
                )
        elif value not in {v for v, _ in control.options}:
            raise InvalidParameterError(
                f"{name}={value!r} is not one of {[v for v, _ in control.options]}."
            )
        values[name] = value
    return values


def rows_html(view: View) -> str:
    cells = "".join(
        f"<tr><th style='text-align:left;padding-right:1em'>{html.escape(k)}</th>"
        f"<td style='text-align:right'>{html.escape(v)}</td></tr>"
        for k, v in view.rows
    )
    return f"<table class='cskit-numbers'>{cells}</table>"


def header_html(view: View) -> str:
    return f"<h4>{html.escape(view.title)}</h4><p>{html.escape(view.caption)}</p>"


def formula_html(view: View) -> str:
    return f"<p><code>{html.escape(view.formula)}</code></p>"


def sentence_html(view: View) -> str:
    return f"<p><b>{html.escape(t('explain.what_moved'))}</b> {html.escape(view.sentence)}</p>"


class StaticExplainer:
    """An explainer's figure and text for one set of values (used headless).

    In a notebook it displays two outputs: the figure (``image/png``, with a
    fixed ``text/plain``) and the text (``text/html`` and ``text/plain``), both
    the same on every run.
    """

    def __init__(self, name: str, module: Any, base: Any, values: dict[str, Any]) -> None:
        self.name = name
        self.module = module
        self.base = base
        self.specs = module.controls(base)
        self.values = dict(values)
        self.view: View = module.compute(base, **self.values)

    def png(self) -> bytes:
        return png(self.view)

    def html(self) -> str:
        note = html.escape(t("explain.static_note"))
        return (
            f"<div class='cskit-explainer'>{header_html(self.view)}{rows_html(self.view)}"
            f"{formula_html(self.view)}{sentence_html(self.view)}"
            f"<p><small>{note}</small></p></div>"
        )

    def _ipython_display_(self) -> None:
        from IPython.display import display

        image = base64.b64encode(self.png()).decode("ascii")
        display({"image/png": image, "text/plain": f"<cskit explainer figure: {self.name}>"},
                raw=True)
        display({"text/html": self.html(), "text/plain": self.view.text()}, raw=True)

    def __repr__(self) -> str:
        return self.view.text()


def _make_control(spec: Control, value: Any) -> Any:
    import ipywidgets as w

    common = {"description": spec.label, "style": {"description_width": "initial"},
              "layout": w.Layout(width="auto")}
    if spec.kind == "int":
        return w.IntSlider(value=int(value), min=int(spec.min), max=int(spec.max),
                           step=int(spec.step or 1), continuous_update=False, **common)
    if spec.kind == "float":
        fmt = ".1%" if spec.percent else (",.0f" if (spec.step or 1) >= 1 else ".3f")
        return w.FloatSlider(value=float(value), min=float(spec.min), max=float(spec.max),
                             step=float(spec.step or 0.01), readout_format=fmt,
                             continuous_update=False, **common)
    options = [(text, v) for v, text in spec.options]
    if spec.kind == "toggle":
        return w.ToggleButtons(options=options, value=value, **common)
    if spec.kind == "multi":
        return w.SelectMultiple(options=options, value=tuple(value), rows=min(len(options), 8),
                                **common)
    return w.Dropdown(options=options, value=value, **common)


def _widget_base() -> type:
    import ipywidgets as w

    return w.VBox


class Explainer(_widget_base()):  # type: ignore[misc]
    """A live explainer: controls, the figure, the numbers, the formula and what moved.

    ``controls`` maps each input's name to its ipywidgets control; setting a
    control's ``.value`` recomputes ``view`` and updates ``numbers``,
    ``formula``, ``sentence`` (HTML widgets) and ``figure`` (an Image widget).
    """

    def __init__(self, name: str, module: Any, base: Any, values: dict[str, Any]) -> None:
        import ipywidgets as w

        self.name = name
        self.module = module
        self.base = base
        self.specs = module.controls(base)
        self.view: View | None = None
        self.controls = {s.name: _make_control(s, values[s.name]) for s in self.specs}
        self.header = w.HTML()
        # No margin: ipywidgets gives every widget 2 px each side, and 100 % + 4 px overflows
        # the box (a scrollbar under each figure).
        self.figure = w.Image(format="png", layout=w.Layout(width="100%", margin="0",
                                                            height="auto"))
        self.numbers = w.HTML()
        self.formula = w.HTML()
        self.sentence = w.HTML()
        panel = w.VBox(list(self.controls.values()), layout=w.Layout(width="100%"))
        super().__init__([self.header, panel, self.figure, self.numbers, self.formula,
                          self.sentence])
        for control in self.controls.values():
            control.observe(self._changed, names="value")
        self.update()

    @property
    def values(self) -> dict[str, Any]:
        out = {}
        for spec in self.specs:
            value = self.controls[spec.name].value
            out[spec.name] = tuple(value) if spec.kind == "multi" else value
        return out

    def _changed(self, change: dict[str, Any]) -> None:
        self.update()

    def update(self) -> View:
        """Recompute the view from the controls' values and refresh every part."""
        view = self.module.compute(self.base, previous=self.view, **self.values)
        self.view = view
        self.header.value = header_html(view)
        self.numbers.value = rows_html(view)
        self.formula.value = formula_html(view)
        self.sentence.value = sentence_html(view)
        self.figure.value = png(view)
        return view
