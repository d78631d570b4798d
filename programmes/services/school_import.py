"""Import schools from a Get Information About Schools (GIAS) CSV export.

GIAS exports every establishment in England (about 50,000 rows, cp1252-encoded, 100+ columns).
The portal keeps only the schools in its own local authorities. The file is read a line at a
time and written in batches of 500: rows outside the portal's LAs cost no queries, a batch costs a
handful, and each new school two more for Wagtail's reference index.
"""

import csv
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import BinaryIO

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from wagtail.models import ReferenceIndex
from wagtail.search.backends import get_search_backends

from ..models import LocalAuthority, School

URN = "URN"
NAME = "EstablishmentName"
LOCAL_AUTHORITY = "LA (name)"
PHASE = "PhaseOfEducation (name)"
STATUS = "EstablishmentStatus (name)"
POSTCODE = "Postcode"
ESTABLISHMENT_TYPE = "TypeOfEstablishment (name)"  # optional: only used to spot special schools
REQUIRED_COLUMNS = (URN, NAME, LOCAL_AUTHORITY, PHASE, STATUS, POSTCODE)

PHASES = {
    "nursery": School.Phase.NURSERY,
    "primary": School.Phase.PRIMARY,
    "middle deemed primary": School.Phase.PRIMARY,
    "secondary": School.Phase.SECONDARY,
    "middle deemed secondary": School.Phase.SECONDARY,
    "all-through": School.Phase.ALL_THROUGH,
    "16 plus": School.Phase.SIXTEEN_PLUS,
}
NOT_APPLICABLE = "not applicable"
CLOSED = "closed"
UPDATED_FIELDS = ["name", "local_authority", "phase", "postcode"]  # cluster is the portal's own

BATCH_SIZE = 500
MAX_REPORTED_ERRORS = 500  # a wrong file could have 50,000 bad rows; nobody reads past the first few
MAX_HEADER_BYTES = 64 * 1024
GIAS_HINT = gettext_noop("Choose the CSV file you downloaded from Get Information About Schools.")


class SchoolImportError(Exception):
    """The file cannot be imported at all. The message says why, for the person who chose it."""


@dataclass(frozen=True)
class RowError:
    row: int  # as a spreadsheet numbers it: the header is row 1
    urn: str
    name: str
    message: str


@dataclass
class SchoolImportResult:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped_closed: int = 0
    skipped_other_local_authority: int = 0
    error_count: int = 0
    errors: list[RowError] = field(default_factory=list)  # the first MAX_REPORTED_ERRORS

    @property
    def imported(self) -> int:
        return self.created + self.updated + self.unchanged

    @property
    def errors_not_shown(self) -> int:
        return self.error_count - len(self.errors)

    def add_error(self, *, row: int, urn: str, name: str, message: str) -> None:
        self.error_count += 1
        if len(self.errors) < MAX_REPORTED_ERRORS:
            self.errors.append(RowError(row=row, urn=urn, name=name, message=message))


@dataclass
class _Row:
    row: int
    urn: int
    name: str
    local_authority: LocalAuthority
    phase: str
    postcode: str


def import_schools(*, file: BinaryIO, progress: Callable[[int], None] | None = None) -> SchoolImportResult:
    """Create or update the schools in ``file`` (opened in binary mode) that are in the portal's LAs.

    Existing schools are matched by URN; their cluster is kept. Closed schools and schools in other
    LAs are counted and skipped. Bad rows are reported and the good ones kept. ``progress`` is
    called with the number of bytes read since the last call. Raises SchoolImportError, having
    changed nothing, when the file is not a GIAS CSV export.
    """
    authorities = {authority.name.casefold(): authority for authority in LocalAuthority.objects.all()}
    if not authorities:
        raise SchoolImportError(
            _(
                "There are no local authorities in the portal yet. "
                "Add the local authorities taking part, then import the schools."
            )
        )
    reader = csv.reader(_decoded_lines(file=file, progress=progress))
    columns = _read_header(reader=reader)
    result = SchoolImportResult()
    seen_urns: dict[int, int] = {}
    batch: list[_Row] = []
    with transaction.atomic():  # a file that turns out to be broken halfway changes nothing
        try:
            for row_number, values in enumerate(reader, start=2):
                if not any(value.strip() for value in values):
                    continue
                row = _parse_row(
                    row_number=row_number,
                    values=values,
                    columns=columns,
                    authorities=authorities,
                    seen_urns=seen_urns,
                    result=result,
                )
                if row:
                    batch.append(row)
                if len(batch) >= BATCH_SIZE:
                    _save_batch(batch=batch, result=result)
                    batch = []
        except csv.Error as error:
            raise SchoolImportError(
                _("Line %(line)s of the file could not be read as CSV (%(error)s). %(hint)s")
                % {"line": reader.line_num, "error": error, "hint": _(GIAS_HINT)}
            ) from error
        _save_batch(batch=batch, result=result)
    return result


def _decoded_lines(*, file: BinaryIO, progress: Callable[[int], None] | None) -> Iterator[str]:
    """The file's lines as text. GIAS writes cp1252; UTF-8, with or without a BOM, is accepted too."""
    header = file.readline(MAX_HEADER_BYTES)
    if not header.strip():
        raise SchoolImportError(_("The file is empty. %(hint)s") % {"hint": _(GIAS_HINT)})
    if header.startswith(b"%PDF"):
        raise SchoolImportError(_("This is a PDF file, not a CSV file. %(hint)s") % {"hint": _(GIAS_HINT)})
    if header.startswith(b"PK\x03\x04"):
        raise SchoolImportError(
            _(
                "This is a ZIP or Excel file, not a CSV file. If you downloaded a ZIP file, open it and "
                "choose the CSV file inside. Save an Excel file as CSV first."
            )
        )
    if b"\x00" in header or (len(header) == MAX_HEADER_BYTES and not header.endswith(b"\n")):
        raise SchoolImportError(_("This is not a CSV file. %(hint)s") % {"hint": _(GIAS_HINT)})
    if progress:
        progress(len(header))
    yield _decode(raw=header.removeprefix(b"\xef\xbb\xbf"), line_number=1)
    for line_number, raw in enumerate(iter(file.readline, b""), start=2):
        if progress:
            progress(len(raw))
        yield _decode(raw=raw, line_number=line_number)


def _decode(*, raw: bytes, line_number: int) -> str:
    # Decided line by line: cp1252 text with accents is almost never valid UTF-8, and this needs
    # neither a second pass over the file nor the whole file in memory.
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError as error:
        raise SchoolImportError(
            _("Line %(line)s of the file is not text. %(hint)s") % {"line": line_number, "hint": _(GIAS_HINT)}
        ) from error


def _read_header(*, reader: Iterator[list[str]]) -> dict[str, int]:
    try:
        header = next(reader, [])
    except csv.Error as error:
        raise SchoolImportError(_("This is not a CSV file. %(hint)s") % {"hint": _(GIAS_HINT)}) from error
    positions: dict[str, int] = {}
    for index, name in enumerate(header):
        positions.setdefault(name.strip().casefold(), index)
    columns = {
        name: positions[name.casefold()]
        for name in (*REQUIRED_COLUMNS, ESTABLISHMENT_TYPE)
        if name.casefold() in positions
    }
    missing = [name for name in REQUIRED_COLUMNS if name not in columns]
    if len(missing) == len(REQUIRED_COLUMNS):
        raise SchoolImportError(
            _(
                "This file is not a Get Information About Schools export: it has none of the columns "
                "%(columns)s. %(hint)s"
            )
            % {"columns": ", ".join(REQUIRED_COLUMNS), "hint": _(GIAS_HINT)}
        )
    if missing:
        raise SchoolImportError(
            _(
                "The file has no %(missing)s column. Download the CSV from Get Information About Schools "
                "again, with the columns %(required)s."
            )
            % {
                "missing": _(" or ").join(f"'{name}'" for name in missing),
                "required": ", ".join(REQUIRED_COLUMNS),
            }
        )
    return columns


def _parse_row(
    *,
    row_number: int,
    values: list[str],
    columns: dict[str, int],
    authorities: dict[str, LocalAuthority],
    seen_urns: dict[int, int],
    result: SchoolImportResult,
) -> _Row | None:
    """A row ready to save, or None when it is skipped (counted) or bad (reported)."""

    def value(column: str) -> str:
        index = columns.get(column)
        return values[index].strip() if index is not None and index < len(values) else ""

    urn_text, name, authority_name = value(URN), value(NAME), value(LOCAL_AUTHORITY)
    authority = authorities.get(authority_name.casefold())
    if authority_name and authority is None:
        result.skipped_other_local_authority += 1
        return None
    if value(STATUS).casefold() == CLOSED:
        result.skipped_closed += 1
        return None

    def error(message: str) -> None:
        result.add_error(row=row_number, urn=urn_text, name=name, message=message)

    if authority is None:
        return error(_("The local authority is missing. Add it in the 'LA (name)' column."))
    if not urn_text:
        return error(_("The URN is missing. Add the school's URN from Get Information About Schools."))
    if not (urn_text.isascii() and urn_text.isdigit()):
        return error(
            _(
                "The URN '%(urn)s' is not a whole number. "
                "Use the school's URN from Get Information About Schools."
            )
            % {"urn": urn_text}
        )
    urn = int(urn_text)
    if urn in seen_urns:
        return error(
            _("URN %(urn)s is also on row %(row)s. Remove one of the two rows.")
            % {"urn": urn, "row": seen_urns[urn]}
        )
    if not name:
        return error(_("The school name is missing. Add it in the 'EstablishmentName' column."))
    phase = _phase(phase=value(PHASE), establishment_type=value(ESTABLISHMENT_TYPE))
    if phase is None:
        return error(_phase_error(phase=value(PHASE), establishment_type=value(ESTABLISHMENT_TYPE)))
    seen_urns[urn] = row_number
    return _Row(
        row=row_number, urn=urn, name=name, local_authority=authority, phase=phase, postcode=value(POSTCODE)
    )


def _phase(*, phase: str, establishment_type: str) -> str | None:
    if phase.casefold() == NOT_APPLICABLE and "special" in establishment_type.casefold():
        return School.Phase.SPECIAL
    return PHASES.get(phase.casefold())


def _phase_error(*, phase: str, establishment_type: str) -> str:
    if not phase:
        return _("The phase is missing. Add it in the 'PhaseOfEducation (name)' column.")
    if phase.casefold() == NOT_APPLICABLE:
        return _(
            "The phase is 'Not applicable' and the type ('%(type)s') is not a special school, so the "
            "portal cannot tell which phase it is. Add the school by hand if it takes part."
        ) % {"type": establishment_type or _("none given")}
    return _(
        "The phase '%(phase)s' is not one the portal knows. Use Nursery, Primary, Middle deemed "
        "primary, Secondary, Middle deemed secondary, All-through, 16 plus, or Not applicable for a "
        "special school."
    ) % {"phase": phase}


def _save_batch(*, batch: list[_Row], result: SchoolImportResult) -> None:
    """Validate a batch of rows against the model, then create and update them with a few queries."""
    existing = School.objects.in_bulk([row.urn for row in batch], field_name="urn")
    to_create, to_update, moved = [], [], []
    for row in batch:
        school = existing.get(row.urn) or School(urn=row.urn)
        before = [getattr(school, name) for name in ("name", "local_authority_id", "phase", "postcode")]
        for name in UPDATED_FIELDS:
            setattr(school, name, getattr(row, name))
        try:
            # local_authority came from the database, and URNs were looked up above: checking
            # them again here would cost a query per row.
            school.full_clean(exclude=["local_authority"], validate_unique=False, validate_constraints=False)
        except ValidationError as error:
            message = " ".join(
                " ".join(messages)
                if name == NON_FIELD_ERRORS
                else f"{capfirst(School._meta.get_field(name).verbose_name)}: {' '.join(messages)}"
                for name, messages in error.message_dict.items()
            )
            result.add_error(row=row.row, urn=str(row.urn), name=row.name, message=message)
            continue
        if school.pk is None:
            to_create.append(school)
        elif before != [school.name, school.local_authority_id, school.phase, school.postcode]:
            to_update.append(school)
            if before[1] != school.local_authority_id:
                moved.append(school)
        else:
            result.unchanged += 1
    School.objects.bulk_create(to_create)
    School.objects.bulk_update(to_update, UPDATED_FIELDS)
    result.created += len(to_create)
    result.updated += len(to_update)
    # Bulk writes send no post_save signal, so the search index (the admin's school search and
    # choosers) and Wagtail's reference index (which schools use a local authority) are updated
    # here. The reference index has no bulk API: it costs a few queries per new or moved school.
    if to_create or to_update:
        for backend in get_search_backends(with_auto_update=True):
            backend.add_bulk(School, to_create + to_update)
    if ReferenceIndex.is_indexed(School):
        for school in to_create + moved:
            ReferenceIndex.create_or_update_for_object(school)
