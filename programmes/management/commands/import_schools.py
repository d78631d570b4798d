"""manage.py import_schools PATH: import schools from a Get Information About Schools CSV export."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from programmes.services.school_import import SchoolImportError, SchoolImportResult, import_schools


class Command(BaseCommand):
    help = (
        "Import schools from a Get Information About Schools (GIAS) CSV export. Creates new schools, "
        "updates existing ones by URN, and skips closed schools and schools in other local authorities."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="The CSV file downloaded from GIAS.")

    def handle(self, *args, path: Path, verbosity: int, **options):
        if not path.is_file():
            raise CommandError(f"There is no file at {path}. Check the path and try again.")
        # tqdm writes carriage returns to redraw the bar, which Django's stderr wrapper would break
        # up with newlines, so the bar goes straight to the process's stderr.
        with (
            path.open("rb") as file,
            tqdm(
                total=path.stat().st_size,
                unit="B",
                unit_scale=True,
                desc="Importing schools",
                file=sys.stderr,
                disable=verbosity == 0,
            ) as bar,
        ):
            try:
                result = import_schools(file=file, progress=bar.update)
            except SchoolImportError as error:
                raise CommandError(f"{path.name} was not imported. {error}") from error
        self.stdout.write(self.summary(path, result))

    def summary(self, path: Path, result: SchoolImportResult) -> str:
        lines = [
            f"Imported {path.name}.",
            f"  Created: {result.created}",
            f"  Updated: {result.updated}",
            f"  Unchanged: {result.unchanged}",
            f"  Skipped, closed: {result.skipped_closed}",
            f"  Skipped, not in a participating local authority: {result.skipped_other_local_authority}",
            f"  Rows with errors: {result.error_count}",
        ]
        lines += [f"    Row {error.row} (URN {error.urn or '-'}): {error.message}" for error in result.errors]
        if result.errors_not_shown:
            lines.append(f"    ...and {result.errors_not_shown} more rows with errors.")
        style = self.style.WARNING if result.error_count else self.style.SUCCESS
        return style("\n".join(lines))
