"""manage.py send_follow_up_reminders: each SIP's daily summary of follow-ups due, never sent twice."""

import datetime
import io
from unittest import mock

import pytest
from django.core import mail
from django.core.mail import EmailMessage
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from programmes.factories import SchoolFactory
from talentpool.factories import AspirantProfileFactory, FollowUpFactory, SIPAssignmentFactory
from talentpool.models import AspirantProfile, FollowUpReminder
from talentpool.services import follow_up_record, follow_up_reminders_send

DAY = datetime.timedelta(days=1)
BASE = "https://leadership.example.org"


def today():
    return timezone.localdate()


def due(profile: AspirantProfile, when: datetime.date | None) -> AspirantProfile:
    """Set the profile's next follow-up date, as follow_up_record keeps it."""
    AspirantProfile.objects.filter(pk=profile.pk).update(next_follow_up_due=when)
    profile.next_follow_up_due = when
    return profile


def aspirant(school, first_name: str, last_name: str, *, due_in: int | None) -> AspirantProfile:
    profile = AspirantProfileFactory(school=school, user__first_name=first_name, user__last_name=last_name)
    return due(profile, None if due_in is None else today() + due_in * DAY)


def run(*args) -> str:
    out = io.StringIO()
    call_command("send_follow_up_reminders", *args, stdout=out)
    return out.getvalue()


def emails_to(user) -> list:
    return [message for message in mail.outbox if message.to == [user.email]]


@pytest.fixture(autouse=True)
def _site_base_url(settings):
    settings.SITE_BASE_URL = BASE + "/"


@pytest.fixture
def due_soon(talent_pool):
    """At Oakfield: due in 3 days, due in 14, overdue, due in 15 (too late), none. At Riverside: one."""
    tp = talent_pool
    for user, email in [(tp.sip_of_school, "sam@example.org"), (tp.sip_of_other_school, "rae@example.org")]:
        user.email = email
        user.save()
    tp.asha = due(tp.profile, today() + 3 * DAY)
    tp.ben = aspirant(tp.school, "Ben", "Adams", due_in=14)
    tp.olu = aspirant(tp.school, "Olu", "Okafor", due_in=-10)
    tp.late = aspirant(tp.school, "Lena", "Later", due_in=15)
    tp.none = aspirant(tp.school, "Nia", "None", due_in=None)
    tp.cara = aspirant(tp.other_school, "Cara", "Zed", due_in=5)
    return tp


def reminded(sip) -> set[tuple[int, datetime.date]]:
    return set(FollowUpReminder.objects.filter(sip=sip).values_list("profile_id", "due_date"))


def test_each_sip_gets_one_email_about_their_own_schools(due_soon):
    tp = due_soon
    output = run()
    assert "Sent 2 reminder email(s) covering 4 follow-up(s); 0 failed" in output
    assert len(mail.outbox) == 2

    [to_sam] = emails_to(tp.sip_of_school)
    assert to_sam.subject == "[Leadership portal] 3 follow-ups due in the next 2 weeks"
    body = to_sam.body
    # Overdue first, then soonest; only Oakfield's aspirants, within 14 days.
    assert body.index("Olu Okafor") < body.index("Asha Patel") < body.index("Ben Adams")
    for absent in ("Lena", "Nia", "Cara", "Riverside"):
        assert absent not in body
    assert "Oakfield Primary" in body
    assert f"Olu Okafor: overdue, was due {(today() - 10 * DAY):%-d %B %Y}" in body
    assert f"Asha Patel: due {(today() + 3 * DAY):%-d %B %Y}" in body
    assert BASE + reverse("talentpool:review_detail", args=[tp.asha.pk]) in body
    assert BASE + reverse("talentpool:due_follow_ups") in body
    assert reminded(tp.sip_of_school) == {
        (tp.asha.pk, tp.asha.next_follow_up_due),
        (tp.ben.pk, tp.ben.next_follow_up_due),
        (tp.olu.pk, tp.olu.next_follow_up_due),
    }

    [to_rae] = emails_to(tp.sip_of_other_school)
    assert to_rae.subject == "[Leadership portal] 1 follow-up due in the next 2 weeks"
    assert "Cara Zed" in to_rae.body
    assert "Asha" not in to_rae.body and "Oakfield" not in to_rae.body
    assert reminded(tp.sip_of_other_school) == {(tp.cara.pk, tp.cara.next_follow_up_due)}


def test_nobody_but_current_sips_is_emailed(due_soon):
    tp = due_soon
    for user in (tp.sip_assignment_ended, tp.officer, tp.officer_of_other_la, tp.aspirant):
        user.email = f"{user.username}@example.org"
        user.save()
    run()
    for user in (tp.sip_assignment_ended, tp.officer, tp.officer_of_other_la, tp.aspirant):
        assert emails_to(user) == []
        assert reminded(user) == set()


def test_a_sip_hears_only_about_assigned_schools_in_their_own_la(due_soon):
    tp = due_soon
    # Assigned to a school in another LA: profiles_reviewable_by leaves it out.
    thurrock_school = SchoolFactory(local_authority=tp.other_local_authority)
    SIPAssignmentFactory(sip=tp.sip_of_school, school=thurrock_school)
    aspirant(thurrock_school, "Tess", "Thurrock", due_in=2)
    run()
    [to_sam] = emails_to(tp.sip_of_school)
    assert "Tess" not in to_sam.body


def test_a_sip_whose_assignment_has_not_started_is_not_emailed(due_soon):
    tp = due_soon
    SIPAssignmentFactory(school=tp.school, starts_on=today() + DAY)
    run()
    assert len(mail.outbox) == 2


def test_running_twice_sends_nothing_the_second_time(due_soon):
    run()
    assert len(mail.outbox) == 2
    rows = FollowUpReminder.objects.count()
    output = run()
    assert "Sent 0 reminder email(s) covering 0 follow-up(s)" in output
    assert len(mail.outbox) == 2
    assert FollowUpReminder.objects.count() == rows


def test_overdue_follow_ups_are_reminded_once(due_soon):
    run()
    mail.outbox.clear()
    run("--date", (today() + DAY).isoformat())
    assert "Olu" not in "".join(message.body for message in mail.outbox)


def test_a_follow_up_coming_into_the_window_is_reminded_on_a_later_day(due_soon):
    tp = due_soon
    run()
    mail.outbox.clear()
    run("--date", (today() + DAY).isoformat())
    [to_sam] = emails_to(tp.sip_of_school)
    assert "Lena Later" in to_sam.body
    assert to_sam.subject == "[Leadership portal] 1 follow-up due in the next 2 weeks"


def test_a_new_due_date_from_a_newer_follow_up_is_reminded_again(due_soon):
    tp = due_soon
    run()
    mail.outbox.clear()
    follow_up_record(
        author=tp.sip_of_school,
        profile=tp.asha,
        visit_date=today(),
        notes="Secret: Asha is thinking of leaving teaching.",
        next_follow_up_due=today() + 7 * DAY,
    )
    run()
    [to_sam] = mail.outbox
    assert "Asha Patel" in to_sam.body
    assert "Ben" not in to_sam.body and "Olu" not in to_sam.body
    assert "Secret" not in to_sam.body and "leaving" not in to_sam.body
    assert (tp.asha.pk, today() + 7 * DAY) in reminded(tp.sip_of_school)


def test_the_email_carries_no_follow_up_notes(due_soon):
    tp = due_soon
    FollowUpFactory(
        profile=tp.asha,
        author=tp.sip_of_school,
        notes="Private: struggling with the new head.",
        agreed_actions="Confidential action plan.",
        next_follow_up_due=tp.asha.next_follow_up_due,
    )
    run()
    for message in mail.outbox:
        for secret in ("Private", "struggling", "Confidential", "action plan"):
            assert secret not in message.body
            assert secret not in message.subject


def test_names_are_not_html_escaped_in_the_plain_text_email(due_soon):
    tp = due_soon
    tp.cara.user.last_name = "O'Neil & Co"
    tp.cara.user.save()
    run()
    [to_rae] = emails_to(tp.sip_of_other_school)
    assert "Cara O'Neil & Co" in to_rae.body


def test_a_failed_email_records_nothing_for_that_sip_and_others_still_get_theirs(due_soon):
    tp = due_soon
    real_send = EmailMessage.send

    def send(message, fail_silently=False):
        if message.to == [tp.sip_of_school.email]:
            raise ConnectionRefusedError("mail server down")
        return real_send(message, fail_silently=fail_silently)

    with mock.patch.object(EmailMessage, "send", send), pytest.raises(CommandError) as error:
        run()
    assert "1 reminder email(s) could not be sent" in str(error.value)
    assert str(tp.sip_of_school.pk) in str(error.value)
    assert reminded(tp.sip_of_school) == set()
    assert [message.to for message in mail.outbox] == [[tp.sip_of_other_school.email]]
    assert reminded(tp.sip_of_other_school) == {(tp.cara.pk, tp.cara.next_follow_up_due)}

    # The next run tries again, for the SIP whose email failed only.
    mail.outbox.clear()
    run()
    assert [message.to for message in mail.outbox] == [[tp.sip_of_school.email]]
    assert len(reminded(tp.sip_of_school)) == 3


def test_a_sip_being_reminded_by_another_run_at_the_same_moment_is_skipped(due_soon):
    """Two cron jobs: the other one records Asha's reminder between this run's read and its write."""
    tp = due_soon
    from talentpool.services import reminders

    real_email = reminders.reminder_email

    def email_after_the_other_run(*, reminder, today):
        if reminder.sip == tp.sip_of_school:
            FollowUpReminder.objects.create(
                sip=tp.sip_of_school, profile=tp.asha, due_date=tp.asha.next_follow_up_due
            )
        return real_email(reminder=reminder, today=today)

    with mock.patch.object(reminders, "reminder_email", email_after_the_other_run):
        result = follow_up_reminders_send()
    assert (result.sips_emailed, result.skipped, result.failures) == (1, 1, 0)
    assert emails_to(tp.sip_of_school) == []
    assert reminded(tp.sip_of_school) == {(tp.asha.pk, tp.asha.next_follow_up_due)}


def test_dry_run_lists_what_would_be_sent_and_writes_nothing(due_soon):
    tp = due_soon
    output = run("--dry-run")
    assert f"Would email SIP {tp.sip_of_school.pk} (sam@example.org): Oakfield Primary: 3" in output
    assert f"Would email SIP {tp.sip_of_other_school.pk} (rae@example.org): Riverside Academy: 1" in output
    assert "would send 2 reminder email(s) covering 4 follow-up(s). Nothing was sent or recorded." in output
    assert mail.outbox == []
    assert not FollowUpReminder.objects.exists()
    # A real run afterwards still sends everything.
    run()
    assert len(mail.outbox) == 2


def test_date_moves_the_two_week_window(due_soon):
    tp = due_soon
    run("--date", (today() - 10 * DAY).isoformat())
    [to_sam] = emails_to(tp.sip_of_school)
    assert "Asha Patel" in to_sam.body and "Olu Okafor" in to_sam.body
    assert "Ben Adams" not in to_sam.body


@pytest.mark.parametrize("value", ["tomorrow", "2026-13-01", "23/11/2026"])
def test_a_date_that_is_not_a_date_is_refused(due_soon, value):
    with pytest.raises(CommandError, match=r"is not a date\. Give the date as YYYY-MM-DD"):
        run("--date", value)
    assert mail.outbox == []


def test_sips_without_an_email_address_or_account_are_left_out(due_soon):
    tp = due_soon
    tp.sip_of_school.email = ""
    tp.sip_of_school.save()
    tp.sip_of_other_school.is_active = False
    tp.sip_of_other_school.save()
    assert "Sent 0 reminder email(s)" in run()
    assert not FollowUpReminder.objects.exists()


def test_queries_do_not_grow_with_the_number_of_follow_ups(talent_pool):
    tp = talent_pool
    sips = [tp.sip_of_school, tp.sip_of_other_school]

    def add(count: int):
        for school in (tp.school, tp.other_school):
            for _ in range(count):
                aspirant(school, "Someone", "Due", due_in=3)

    def queries() -> int:
        FollowUpReminder.objects.all().delete()
        mail.outbox.clear()
        with CaptureQueriesContext(connection) as captured:
            result = follow_up_reminders_send()
        assert result.sips_emailed == len(sips)
        return len(captured)

    add(2)
    small = queries()
    add(18)
    assert queries() == small
    assert FollowUpReminder.objects.count() == 2 * 20
