"""Painting for the two lists: a two-line route entry and the small pills (UNVERIFIED, Needed)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from zairyu.gui.roles import BadgeRole, JapaneseNameRole, ProceduresRole

Index = QModelIndex | QPersistentModelIndex

# (background, text) per badge kind; chosen to stay readable on light and dark palettes.
BADGE_COLOURS: dict[str, tuple[str, str]] = {
    "unverified": ("#f6c343", "#3d2c00"),
    "translation": ("#d7e7fb", "#0b3d75"),
    "conditional": ("#e4e1f5", "#35296b"),
    # A case document's status (gui/case_documents_model.py).
    "done": ("#d3f0dc", "#14532d"),
    "progress": ("#d7e7fb", "#0b3d75"),
    "todo": ("#ececec", "#3a3a3a"),
    "muted": ("#f3f3f3", "#707070"),
    # A document's freshness for the filing date (gui/case_documents_model.py).
    "overdue": ("#f8d7da", "#721c24"),
    "soon": ("#fff3cd", "#3d2c00"),
}


def wrap_two_lines(text: str, metrics: QFontMetrics, width: int) -> list[str]:
    """Break ``text`` at spaces into at most two lines that fit ``width``; elide the second."""
    if metrics.horizontalAdvance(text) <= width:
        return [text]
    words = text.split(" ")
    first = words[0]
    rest_start = 1
    for count in range(1, len(words) + 1):
        candidate = " ".join(words[:count])
        if metrics.horizontalAdvance(candidate) > width:
            break
        first, rest_start = candidate, count
    if metrics.horizontalAdvance(first) > width:  # one word longer than the line
        return [metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)]
    rest = " ".join(words[rest_start:])
    return [first, metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width)] if rest else [first]


class RouteItemDelegate(QStyledItemDelegate):
    """English name (bold, up to two lines), Japanese name, then the procedures in small type.

    Heights follow the view's width (the English name wraps), so the view must not assume
    uniform item sizes and must relayout on resize (QListView.ResizeMode.Adjust).
    """

    PADDING_X = 14
    PADDING_Y = 9
    LINE_GAP = 1

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont, QFont]:
        title = QFont(option.font)
        title.setBold(True)
        japanese = QFont(option.font)
        small = QFont(option.font)
        small.setPointSizeF(max(7.0, option.font.pointSizeF() * 0.85))
        return title, japanese, small

    def _text_width(self, option: QStyleOptionViewItem) -> int:
        """The width the English name wraps to. Measured from the view with room for a vertical
        scroll bar whether or not one shows, so that showing or hiding the bar (which itself
        depends on the heights) cannot change where names wrap."""
        view = option.widget
        if isinstance(view, QAbstractItemView):
            scroll_bar = view.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, view)
            width = view.width() - 2 * view.frameWidth() - scroll_bar
        else:
            width = option.rect.width()
        return max(80, width - 2 * self.PADDING_X)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        title, japanese, small = self._fonts(option)
        english_lines = wrap_two_lines(str(index.data(Qt.ItemDataRole.DisplayRole) or ""),
                                       QFontMetrics(title), self._text_width(option))
        height = (len(english_lines) * QFontMetrics(title).height() + QFontMetrics(japanese).height()
                  + QFontMetrics(small).height() + (len(english_lines) + 2) * self.LINE_GAP
                  + 2 * self.PADDING_Y)
        return QSize(200, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, opt, painter, opt.widget)

        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        palette: QPalette = opt.palette
        group = (QPalette.ColorGroup.Active if opt.state & QStyle.StateFlag.State_Active
                 else QPalette.ColorGroup.Inactive)
        text_colour = palette.color(group, QPalette.ColorRole.HighlightedText if selected
                                    else QPalette.ColorRole.Text)
        muted = QColor(text_colour)
        muted.setAlphaF(0.68)

        title, japanese, small = self._fonts(opt)
        rect: QRect = opt.rect.adjusted(self.PADDING_X, self.PADDING_Y, -self.PADDING_X, -self.PADDING_Y)
        english_lines = wrap_two_lines(str(index.data(Qt.ItemDataRole.DisplayRole) or ""),
                                       QFontMetrics(title), min(rect.width(), self._text_width(opt)))
        lines: list[tuple[QFont, QColor, str]] = [(title, text_colour, line) for line in english_lines]
        lines.append((japanese, text_colour, str(index.data(JapaneseNameRole) or "")))
        lines.append((small, muted, str(index.data(ProceduresRole) or "")))
        painter.save()
        try:
            y = rect.top()
            for font, colour, text in lines:
                metrics = QFontMetrics(font)
                painter.setFont(font)
                painter.setPen(colour)
                elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
                painter.drawText(QRect(rect.left(), y, rect.width(), metrics.height()),
                                 int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), elided)
                y += metrics.height() + self.LINE_GAP
        finally:
            painter.restore()


class BadgeDelegate(QStyledItemDelegate):
    """Draws the pills a cell's BadgeRole lists, side by side; other cells as usual."""

    GAP = 5

    @staticmethod
    def _font(option: QStyleOptionViewItem) -> QFont:
        font = QFont(option.font)
        font.setPointSizeF(max(7.0, option.font.pointSizeF() * 0.8))
        font.setBold(True)
        return font

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        badges = index.data(BadgeRole)
        if not isinstance(badges, list) or not badges:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)

        font = self._font(opt)
        metrics = QFontMetrics(font)
        height = metrics.height() + 4
        x = float(opt.rect.left() + 6)
        y = opt.rect.top() + (opt.rect.height() - height) / 2
        painter.save()
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setFont(font)
            painter.setClipRect(opt.rect)
            for kind, text in badges:
                background, foreground = BADGE_COLOURS.get(kind, BADGE_COLOURS["todo"])
                pill = QRectF(x, y, metrics.horizontalAdvance(text) + 14, height)
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(background))
                painter.drawRoundedRect(pill, height / 2, height / 2)
                painter.setPen(QColor(foreground))
                painter.drawText(pill, int(Qt.AlignmentFlag.AlignCenter), text)
                x = pill.right() + self.GAP
        finally:
            painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        size = super().sizeHint(option, index)
        badges = index.data(BadgeRole)
        if isinstance(badges, list) and badges:
            metrics = QFontMetrics(self._font(option))
            size.setWidth(12 + sum(metrics.horizontalAdvance(text) + 14 + self.GAP for _k, text in badges))
        return size
