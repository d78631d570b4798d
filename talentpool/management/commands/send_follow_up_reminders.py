"""manage.py send_follow_up_reminders: email each SIP the follow-ups due in the next two weeks.

Run it once a day from cron (docs/deployment.md). It is safe to run again the same day, or from two
machines at once: nobody is reminded twice of the same follow-up date.
"""

import datetime

from django.core.management.base import BaseCommand, CommandError

from talentpool.services import follow_up_reminders_due, follow_up_reminders_send


def _date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as error:
        raise CommandError(
            f"“{value}” is not a date. Give the date as YYYY-MM-DD, for example 2026-11-23."
        ) from error


class Command(BaseCommand):
    help = (
        "Email each School Improvement Partner one summary of the follow-ups due in the next two weeks "
        "(or overdue) that they have not yet been reminded about. Safe to run daily from cron."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="List who would be emailed and how many follow-ups each; send and record nothing.",
        )
        parser.add_argument(
            "--date",
            type=str,
            help=(
                "Run as if today were this date (YYYY-MM-DD), for testing. "
                "SIPs' access to schools is still as of today."
            ),
        )

    def handle(self, *args, dry_run: bool, date: str | None, **options):
        today = _date(date) if date else None
        if dry_run:
            self.dry_run(today)
            return
        run = follow_up_reminders_send(today=today)
        summary = (
            f"Sent {run.sips_emailed} reminder email(s) covering {run.reminders_recorded} follow-up(s); "
            f"{run.failures} failed, {run.skipped} skipped (already being sent by another run)."
        )
        if run.failures:
            self.stdout.write(self.style.WARNING(summary))
            failed = ", ".join(str(pk) for pk in run.failed_sip_ids)
            raise CommandError(
                f"{run.failures} reminder email(s) could not be sent (SIP ids: {failed}). "
                "They will be tried again on the next run."
            )
        self.stdout.write(self.style.SUCCESS(summary))

    def dry_run(self, today: datetime.date | None) -> None:
        emails = follow_ups = 0
        for reminder in follow_up_reminders_due(today=today):
            emails += 1
            follow_ups += len(reminder.profiles)
            schools = ", ".join(f"{school.name}: {len(profiles)}" for school, profiles in reminder.by_school)
            self.stdout.write(f"Would email SIP {reminder.sip.pk} ({reminder.sip.email}): {schools}")
        self.stdout.write(
            f"Dry run: would send {emails} reminder email(s) covering {follow_ups} follow-up(s). "
            "Nothing was sent or recorded."
        )
