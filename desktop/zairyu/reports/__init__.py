"""The PDFs: bilingual checklist, points summary, submission packet. No Qt here.

Public API (the CLI and the desktop app call these):
- ``case_exports.export_checklist(case, catalog, output, control=None)``,
  ``export_points(case, output, control=None)``,
  ``export_packet(case, catalog, output, max_mb=None, control=None) -> PacketResult``:
  a stored case (``zairyu.store.CaseView``) as each PDF.
- ``atomic.ExportControl(progress=callable(done, total, message), cancel=threading.Event())``:
  every export reports progress and stops with ``ExportCancelled`` when ``cancel`` is set; the
  target is replaced only when the file is complete (temp file + fsync + os.replace).
- Renderers over plain rows, for callers without a case: ``checklist_pdf.write_checklist_pdf``,
  ``points_pdf.write_for_profile`` / ``write_points_pdf``, ``packet.build_packet``.
- ``font_setting.set_preferred_font(path)``: the font file chosen in Settings; ``fonts.resolve_fonts``
  raises ``FontNotFoundError`` (a ZairyuError) naming the package to install.
"""
