"""The review list as a spreadsheet: its rows, formula neutralisation, and CSV and XLSX writers.

Both writers stream, so memory stays flat however long the list is. Every text cell goes through
``spreadsheet_safe`` first: a cell that a spreadsheet would run as a formula (an aspirant could
call themselves ``=HYPERLINK(...)``) is written as plain text.
"""

import csv
import datetime
import tempfile
from collections.abc import Iterable, Iterator
from itertools import islice
from typing import Any

from django.http import FileResponse, StreamingHttpResponse
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font

from .models import AspirantProfile

CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FILE_FORMATS = ("csv", "xlsx")
FILENAME = "talent-pool-{date}.{file_format}"

#: What spreadsheets take as the start of a formula (OWASP, "CSV injection").
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

CSV_ROWS_PER_CHUNK = 200
XLSX_BLOCK_SIZE = 64 * 1024

Row = list[Any]


def spreadsheet_safe(value: Any) -> Any:
    """``value``, with an apostrophe in front if it is text a spreadsheet would run as a formula.

    Numbers, dates and empty cells are left alone.
    """
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


# Rows -------------------------------------------------------------------------------------------


def export_header() -> list[str]:
    return [
        _("First name"),
        _("Last name"),
        _("Email address"),
        _("School"),
        _("School URN"),
        _("Current role"),
        _("Years in role"),
        _("Role aiming for"),
        _("Readiness"),
        _("Open career steps"),
        _("Next step target date"),
        _("Next follow-up due"),
        _("Last visit date"),
        _("Programmes interested in"),
        _("Rising Stars consent"),
    ]


def export_row(profile: AspirantProfile, programme_titles: list[str]) -> Row:
    """One aspirant as a row: text, whole numbers, dates or None (an empty cell).

    ``profile`` is a row of ``selectors.aspirants_for_reviewer`` (with its figures annotated).
    """
    user, school = profile.user, profile.school
    return [
        user.first_name,
        user.last_name,
        user.email,
        school.name if school else None,
        school.urn if school else None,
        profile.current_role.name if profile.current_role else None,
        profile.years_in_role,
        profile.target_role.name if profile.target_role else None,
        str(profile.get_readiness_display()) or None,
        profile.open_step_count,
        profile.next_step_date,
        profile.next_follow_up_due,
        profile.last_visit_date,
        "; ".join(programme_titles),
        _("Yes") if profile.rising_stars_consent else _("No"),
    ]


def export_rows(records: Iterable[tuple[AspirantProfile, list[str]]]) -> Iterator[Row]:
    """The header, then a row for each (profile, programme titles) of ``records``, lazily."""
    yield export_header()
    for profile, programme_titles in records:
        yield export_row(profile, programme_titles)


# CSV --------------------------------------------------------------------------------------------


class _Echo:
    """A file-like object whose ``write`` returns what it is given, for ``csv.writer`` to stream."""

    def write(self, value: str) -> str:
        return value


def _csv_value(value: Any) -> Any:
    if isinstance(value, datetime.date):
        return value.isoformat()
    return spreadsheet_safe(value)


def csv_chunks(rows: Iterable[Row]) -> Iterator[str]:
    """``rows`` as CSV text, a few hundred rows at a time, starting with a byte order mark.

    The mark tells Excel the file is UTF-8, so names with accents open correctly.
    """
    writer = csv.writer(_Echo())
    rows = iter(rows)
    yield "\ufeff"
    while batch := list(islice(rows, CSV_ROWS_PER_CHUNK)):
        yield "".join(writer.writerow([_csv_value(value) for value in row]) for row in batch)


# XLSX -------------------------------------------------------------------------------------------


def _xlsx_cell(sheet, value: Any, *, bold: bool = False) -> Any:
    """A cell for a write-only sheet. Text is always a plain string cell, never a formula.

    Control characters, which XLSX cannot hold, are dropped from text.
    """
    if isinstance(value, str):
        cell = WriteOnlyCell(sheet, value=spreadsheet_safe(ILLEGAL_CHARACTERS_RE.sub("", value)))
        cell.data_type = "s"
        if bold:
            cell.font = Font(bold=True)
        return cell
    return value  # numbers, dates (written as dates, shown as YYYY-MM-DD) and None


def xlsx_file(rows: Iterable[Row]):
    """``rows`` as an XLSX workbook in a temporary file, rewound and ready to read.

    An XLSX file is a zip archive whose directory is written last, so it cannot be sent until it
    is complete. openpyxl's write-only mode keeps only the current row in memory (rows go to a
    temporary file as they are added), and the finished file is then streamed from disk in
    blocks, so neither step holds the whole list in memory.
    """
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=_("Talent pool"))
    rows = iter(rows)
    header = next(rows, None)
    if header is not None:
        sheet.append([_xlsx_cell(sheet, value, bold=True) for value in header])
    for row in rows:
        sheet.append([_xlsx_cell(sheet, value) for value in row])
    output = tempfile.TemporaryFile()  # noqa: SIM115 (FileResponse closes it once sent)
    try:
        workbook.save(output)
    except BaseException:
        output.close()
        raise
    output.seek(0)
    return output


# Responses --------------------------------------------------------------------------------------


def export_filename(*, file_format: str, on: datetime.date) -> str:
    return FILENAME.format(date=on.isoformat(), file_format=file_format)


def export_response(*, rows: Iterable[Row], file_format: str, filename: str) -> StreamingHttpResponse:
    """A streaming download of ``rows`` as CSV or XLSX (``file_format``, one of FILE_FORMATS).

    For CSV the rows are read (and the database queried) as the response is sent; an XLSX file
    is built first, then sent from a temporary file (FileResponse closes it when done).
    """
    if file_format == "csv":
        response = StreamingHttpResponse(csv_chunks(rows), content_type=CSV_CONTENT_TYPE)
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
    if file_format == "xlsx":
        response = FileResponse(
            xlsx_file(rows), as_attachment=True, filename=filename, content_type=XLSX_CONTENT_TYPE
        )
        response.block_size = XLSX_BLOCK_SIZE
        return response
    raise ValueError(f"Unknown export format: {file_format!r}")
