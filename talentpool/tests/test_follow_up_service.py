"""Recording a follow-up, and the audit log entries for reading and exporting someone's record."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.models import ModelLogEntry

from talentpool import services
from talentpool.factories import AspirantProfileFactory, CareerStepFactory, FollowUpFactory
from talentpool.log_actions import (
    CHANGE_FOLLOW_UP,
    DELETE_FOLLOW_UP,
    EXPORT_PROFILE,
    RECORD_FOLLOW_UP,
    VIEW_PROFILE,
)
from talentpool.models import FollowUp

TODAY = timezone.localdate
DAY = datetime.timedelta(days=1)


def record(tp, **changes):
    values = {
        "author": tp.sip_of_school,
        "profile": tp.profile,
        "visit_date": TODAY(),
        "notes": "Talked about leading the phonics review.",
        "agreed_actions": "Observe two phonics lessons in another school.",
        "next_follow_up_due": TODAY() + 30 * DAY,
        "career_steps": [],
    }
    values.update(changes)
    return services.follow_up_record(**values)


def test_a_follow_up_is_saved_with_the_steps_discussed_and_sets_the_next_date(talent_pool):
    step = CareerStepFactory(profile=talent_pool.profile)
    follow_up = record(talent_pool, career_steps=[step])
    assert list(follow_up.career_steps.all()) == [step]
    talent_pool.profile.refresh_from_db()
    assert talent_pool.profile.next_follow_up_due == TODAY() + 30 * DAY


def test_the_profile_keeps_the_next_date_of_its_latest_visit(talent_pool):
    record(talent_pool, visit_date=TODAY() - 2 * DAY, next_follow_up_due=TODAY() + 10 * DAY)
    record(talent_pool, visit_date=TODAY() - 20 * DAY, next_follow_up_due=TODAY() + 60 * DAY)
    talent_pool.profile.refresh_from_db()
    assert talent_pool.profile.next_follow_up_due == TODAY() + 10 * DAY


def test_a_latest_visit_without_a_next_date_clears_it(talent_pool):
    record(talent_pool, visit_date=TODAY() - 5 * DAY)
    record(talent_pool, next_follow_up_due=None)
    talent_pool.profile.refresh_from_db()
    assert talent_pool.profile.next_follow_up_due is None


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"visit_date": TODAY() + DAY}, "visit_date", "today or in the past"),
        ({"next_follow_up_due": TODAY() - DAY}, "next_follow_up_due", "today or later"),
        (
            {"visit_date": TODAY(), "next_follow_up_due": TODAY()},
            "next_follow_up_due",
            "after the visit date",
        ),
        ({"notes": ""}, "notes", "blank"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_saved(talent_pool, changes, field, message):
    with pytest.raises(ValidationError) as raised:
        record(talent_pool, **changes)
    assert message in " ".join(raised.value.message_dict[field])
    assert not FollowUp.objects.exists()
    assert not ModelLogEntry.objects.filter(action=RECORD_FOLLOW_UP).exists()


def test_someone_elses_step_cannot_be_discussed(talent_pool):
    elsewhere = CareerStepFactory(profile=AspirantProfileFactory(school=talent_pool.school))
    with pytest.raises(ValidationError) as raised:
        record(talent_pool, career_steps=[elsewhere])
    assert "career_steps" in raised.value.message_dict
    assert not FollowUp.objects.exists()


def test_recording_is_logged_without_the_notes(talent_pool):
    follow_up = record(talent_pool)
    entry = ModelLogEntry.objects.get(action=RECORD_FOLLOW_UP)
    assert entry.user == talent_pool.sip_of_school
    assert entry.object_id == str(talent_pool.profile.pk)
    assert entry.data == {"follow_up": follow_up.pk}
    assert "phonics" not in entry.label


def test_the_aspirant_is_emailed_that_a_note_exists_but_not_what_it_says(
    talent_pool, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        record(talent_pool)
    [email] = mailoutbox
    assert email.to == [talent_pool.aspirant.email]
    assert "note" in email.subject
    assert "/talent-pool/" in email.body
    assert "phonics" not in email.body
    assert "Observe" not in email.body


def test_no_email_is_sent_if_the_transaction_is_rolled_back(talent_pool, mailoutbox):
    record(talent_pool)  # on_commit callbacks never run inside the test's transaction
    assert mailoutbox == []


def test_refreshing_after_a_follow_up_is_deleted_falls_back_to_the_previous_one(talent_pool):
    FollowUpFactory(profile=talent_pool.profile, visit_date=TODAY() - 40 * DAY, next_follow_up_due=TODAY())
    latest = record(talent_pool)
    latest.delete()
    services.profile_next_follow_up_refresh(profile=talent_pool.profile)
    talent_pool.profile.refresh_from_db()
    assert talent_pool.profile.next_follow_up_due == TODAY()


def test_a_view_by_a_sip_is_logged_and_the_owners_own_view_is_not(talent_pool):
    services.profile_view_log(viewer=talent_pool.sip_of_school, profile=talent_pool.profile)
    services.profile_view_log(viewer=talent_pool.aspirant, profile=talent_pool.profile)
    [entry] = ModelLogEntry.objects.filter(action=VIEW_PROFILE)
    assert entry.user == talent_pool.sip_of_school
    assert entry.label == f"Aspirant profile {talent_pool.profile.pk}"


def test_an_export_logs_every_record_in_batches_under_one_download(
    talent_pool, django_assert_max_num_queries
):
    profiles = [talent_pool.profile, *AspirantProfileFactory.create_batch(2, school=talent_pool.school)]
    ids = [profile.pk for profile in profiles] * 700  # 2,100 entries: three batches
    # Three batches; SQLite splits each into inserts of at most 999 parameters. Never one per row.
    with django_assert_max_num_queries(50):
        count = services.profile_export_log(viewer=talent_pool.officer, profile_ids=ids, file_format="csv")
    assert count == 2100
    entries = ModelLogEntry.objects.filter(action=EXPORT_PROFILE)
    assert entries.count() == 2100
    assert entries.values("uuid").distinct().count() == 1
    assert all(data == {"format": "csv"} for data in entries.values_list("data", flat=True))


def test_the_plain_text_email_is_not_html_escaped(
    talent_pool, mailoutbox, django_capture_on_commit_callbacks
):
    talent_pool.aspirant.first_name = "Aoife O'Neil"
    talent_pool.aspirant.save(update_fields=["first_name"])
    with django_capture_on_commit_callbacks(execute=True):
        record(talent_pool)
    assert "Dear Aoife O'Neil," in mailoutbox[0].body


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"visit_date": TODAY() - 400 * DAY, "next_follow_up_due": None}, "visit_date"),
        ({"next_follow_up_due": TODAY() + 800 * DAY}, "next_follow_up_due"),
    ],
)
def test_a_mistyped_year_is_refused(talent_pool, changes, field):
    with pytest.raises(ValidationError) as raised:
        record(talent_pool, **changes)
    assert "Check the year you entered" in " ".join(raised.value.message_dict[field])


def test_an_officers_change_or_deletion_of_a_note_shows_on_the_aspirants_record_log(talent_pool):
    follow_up = record(talent_pool)
    services.follow_up_update(
        follow_up=follow_up,
        editor=talent_pool.officer,
        notes="Corrected.",
        agreed_actions="",
        next_follow_up_due=None,
    )
    services.follow_up_delete(follow_up=follow_up, editor=talent_pool.officer)
    actions = list(
        ModelLogEntry.objects.filter(
            content_type__model="aspirantprofile",
            object_id=str(talent_pool.profile.pk),
            user=talent_pool.officer,
        )
        .order_by("pk")
        .values_list("action", flat=True)
    )
    assert actions == [CHANGE_FOLLOW_UP, DELETE_FOLLOW_UP]
