"""manage.py load_demo: fill an empty portal with the Eastern Region demo programmes.

Safe to run on every start (`make run` does): it only creates what is missing and never
changes pages, schools or users that already exist.
"""

import logging
from contextlib import contextmanager

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from programmes.demo.loader import DemoContentError, LoadResult, load_demo
from programmes.demo.users import ADMIN_URL

# Page saves log every background task they run; at normal verbosity that buries the summary.
NOISY_LOGGERS = ("django_tasks", "django.tasks", "wagtail", "modelsearch")


class Command(BaseCommand):
    help = (
        "Add demo content: the Eastern Region local authorities, invented schools, programme pages, "
        "home, about, privacy and accessibility pages, site settings and, in development only, one "
        "user per role. Creates what is missing and leaves everything else alone."
    )

    def handle(self, *args, verbosity: int, **options):
        with_users = settings.DEBUG
        try:
            with _quiet_logs(enabled=verbosity < 2):
                result = load_demo(with_users=with_users)
        except DemoContentError as error:
            raise CommandError(f"No demo content was added. {error}") from error
        self.stdout.write(self._summary(result))
        if with_users:
            self.stdout.write(self._logins(result))
        else:
            self.stdout.write(
                "Demo users are only made in development (when DEBUG is on). "
                "Use `manage.py createsuperuser` to make an account here."
            )

    def _summary(self, result: LoadResult) -> str:
        heading = "Demo content loaded." if result.created_anything else "Demo content was already there."
        lines = [self.style.SUCCESS(heading)]
        for kind, (created, existing) in result.counts.items():
            if created + existing == 1:
                lines.append(f"  {kind}: {'created' if created else 'already there'}")
            else:
                lines.append(f"  {kind}: {created} created, {existing} already there")
        lines += [self.style.WARNING(f"  Note: {note}") for note in result.notes]
        return "\n".join(lines)

    def _logins(self, result: LoadResult) -> str:
        lines = ["", f"Demo logins (development only). The Wagtail admin is at {ADMIN_URL}:"]
        for user, created in result.users:
            note = "" if created else " (already there, so its password was not changed)"
            lines.append(f"  {user.username} / {user.password} - {user.role}{note}")
        return "\n".join(lines)


@contextmanager
def _quiet_logs(*, enabled: bool):
    loggers = [logging.getLogger(name) for name in NOISY_LOGGERS] if enabled else []
    levels = [logger.level for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        for logger, level in zip(loggers, levels, strict=True):
            logger.setLevel(level)
