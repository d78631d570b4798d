"""Deleting an account: afterwards no row anywhere refers to the person, and nobody else loses data."""

from types import SimpleNamespace

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.db import models
from django.test import Client
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry, PageLogEntry
from wagtail.users.models import UserProfile

from programmes.factories import ProgrammePageFactory
from talentpool.factories import (
    CareerStepFactory,
    FollowUpFactory,
    ProgrammeInterestFactory,
    QualityRatingFactory,
)
from talentpool.models import (
    AspirantProfile,
    CareerStep,
    ErasureRecord,
    FollowUp,
    LeadershipQuality,
    ProgrammeInterest,
    QualityRating,
)
from talentpool.services import account_erase

User = get_user_model()
MARKER = "unmistakable-personal-detail"


def full_record(*, user, author, programmes, marker=""):
    """Everything the portal can hold about an aspirant, as real use would leave it."""
    profile = user.aspirant_profile
    AspirantProfile.objects.filter(pk=profile.pk).update(statement=f"My statement {marker}")
    steps = [
        CareerStepFactory(profile=profile, programme=programmes[0]),
        CareerStepFactory(profile=profile),
    ]
    ratings = [
        QualityRatingFactory(profile=profile, quality=quality, evidence=f"Evidence {marker}")
        for quality in LeadershipQuality.objects.all()[:2]
    ]
    interests = [ProgrammeInterestFactory(profile=profile, programme=programme) for programme in programmes]
    follow_ups = [FollowUpFactory(profile=profile, author=author, notes=f"Notes {marker}") for _ in range(2)]
    follow_ups[0].career_steps.set(steps)
    log(instance=profile, action="wagtail.edit", user=author)  # someone else's action about them
    log(instance=profile, action="wagtail.edit", user=user)  # their own action about themselves
    log(instance=user, action="wagtail.edit", user=author)  # about their account
    log(instance=programmes[0], action="wagtail.edit", user=user)  # their action about a page
    UserProfile.get_for_user(user)
    client = Client()
    client.force_login(user)
    return SimpleNamespace(
        user=user,
        user_pk=user.pk,  # Django clears user.pk on delete, even if the transaction is rolled back
        profile=profile,
        objects={
            User: {user.pk},
            AspirantProfile: {profile.pk},
            CareerStep: {step.pk for step in steps},
            QualityRating: {rating.pk for rating in ratings},
            ProgrammeInterest: {interest.pk for interest in interests},
            FollowUp: {follow_up.pk for follow_up in follow_ups},
        },
    )


@pytest.fixture
def records(talent_pool, site_tree):
    programmes = [ProgrammePageFactory(parent=site_tree["programme_index"]) for _ in range(2)]
    return SimpleNamespace(
        erased=full_record(
            user=talent_pool.aspirant, author=talent_pool.sip_of_school, programmes=programmes, marker=MARKER
        ),
        kept=full_record(
            user=talent_pool.another_aspirant, author=talent_pool.sip_of_school, programmes=programmes
        ),
        programmes=programmes,
    )


def generic_pairs(model):
    """(content type field, id field) pairs: GenericForeignKeys and Wagtail's *content_type/*object_id."""
    pairs = {
        (model._meta.get_field(f.ct_field), model._meta.get_field(f.fk_field))
        for f in model._meta.private_fields
        if isinstance(f, GenericForeignKey)
    }
    fields = {f.name: f for f in model._meta.concrete_fields}
    for name, field in fields.items():
        if field.is_relation and field.related_model is ContentType and name.endswith("content_type"):
            id_name = name.removesuffix("content_type") + "object_id"
            if id_name in fields:
                pairs.add((field, fields[id_name]))
    return pairs


def references_to(objects):
    """Every "model.field" in any installed model whose rows point at one of ``objects``."""
    found = []
    for model, pks in objects.items():
        if model._base_manager.filter(pk__in=pks).exists():
            found.append(f"{model._meta.label} itself")
    for model in apps.get_models(include_auto_created=True):
        rows = model._base_manager
        for field in model._meta.get_fields():
            forward = field.is_relation and (field.concrete or field.many_to_many) and not field.auto_created
            if not forward or field.related_model not in objects:
                continue
            assert field.target_field.primary_key, f"{field} does not point at a primary key"
            if rows.filter(**{f"{field.name}__in": objects[field.related_model]}).exists():
                found.append(f"{model._meta.label}.{field.name}")
        for ct_field, id_field in generic_pairs(model):
            for target, pks in objects.items():
                content_type = ContentType.objects.get_for_model(target)
                ids = [id_field.to_python(pk) for pk in pks]
                if rows.filter(
                    **{ct_field.attname: content_type.pk, f"{id_field.attname}__in": ids}
                ).exists():
                    found.append(
                        f"{model._meta.label}.{ct_field.name}/{id_field.name} -> {target._meta.label}"
                    )
    return found


def rows_containing(text):
    """Every "model.field" whose stored text contains ``text``."""
    found = []
    for model in apps.get_models(include_auto_created=True):
        for field in model._meta.concrete_fields:
            textual = isinstance(field, models.CharField | models.TextField | models.JSONField)
            if textual and model._base_manager.filter(**{f"{field.attname}__icontains": text}).exists():
                found.append(f"{model._meta.label}.{field.name}")
    return found


def sessions_of(user_pk):
    return [s for s in Session.objects.all() if s.get_decoded().get("_auth_user_id") == str(user_pk)]


def snapshot(record):
    """The stored values of everything about a person, to compare before and after."""
    values = {}
    for model, pks in record.objects.items():
        values[model._meta.label] = list(model.objects.filter(pk__in=pks).order_by("pk").values())
    values["steps discussed"] = list(
        FollowUp.career_steps.through.objects.filter(followup__profile=record.profile).order_by("pk").values()
    )
    values["log about profile"] = list(
        ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(AspirantProfile), object_id=str(record.profile.pk)
        )
        .order_by("pk")
        .values()
    )
    values["user profile"] = list(UserProfile.objects.filter(user_id=record.user_pk).values())
    values["sessions"] = len(sessions_of(record.user_pk))
    return values


def test_the_record_is_as_full_as_real_use_makes_it(records):
    """Guards the erasure test: everything it checks for is really there to start with."""
    assert len(references_to(records.erased.objects)) >= 10
    assert rows_containing(MARKER)
    assert rows_containing(records.erased.user.email)
    assert len(sessions_of(records.erased.user_pk)) == 1


def test_no_row_anywhere_refers_to_an_erased_aspirant(records):
    erased = records.erased

    record = account_erase(user=erased.user)

    assert references_to(erased.objects) == []
    assert rows_containing(MARKER) == []
    assert rows_containing(erased.user.email) == []
    assert sessions_of(erased.user_pk) == []
    assert not ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(AspirantProfile), object_id=str(erased.profile.pk)
    ).exists()
    assert list(ErasureRecord.objects.all()) == [record]


def test_their_actions_about_other_things_stay_in_the_audit_log_without_them(records):
    page_entries = PageLogEntry.objects.filter(page=records.programmes[0], user=records.erased.user)
    assert page_entries.count() == 1
    entry_pk = page_entries.get().pk

    account_erase(user=records.erased.user)

    assert PageLogEntry.objects.get(pk=entry_pk).user_id is None


def test_another_aspirants_data_is_untouched(records):
    before = snapshot(records.kept)
    assert all(before.values())

    account_erase(user=records.erased.user)

    assert snapshot(records.kept) == before


def test_the_erasure_record_holds_nothing_about_the_person(records):
    record = account_erase(user=records.erased.user)

    assert [field.name for field in ErasureRecord._meta.concrete_fields] == ["id", "erased_at"]
    assert ErasureRecord.objects.count() == 1
    assert record.erased_at is not None


def test_erasing_a_sip_keeps_their_notes_about_others_without_an_author(talent_pool):
    sip = talent_pool.sip_of_school
    follow_up = FollowUpFactory(profile=talent_pool.profile, author=sip, notes="Discussed the NPQ.")
    log(instance=talent_pool.profile, action="wagtail.edit", user=sip)
    entry = ModelLogEntry.objects.get(user=sip)

    account_erase(user=sip)

    follow_up.refresh_from_db()
    assert follow_up.author is None
    assert follow_up.notes == "Discussed the NPQ."
    entry.refresh_from_db()
    assert entry.user_id is None  # the aspirant's audit trail keeps the entry
    assert references_to({User: {sip.pk}}) == []
    assert AspirantProfile.objects.filter(pk=talent_pool.profile.pk).exists()


def test_an_erasure_that_fails_leaves_everything_in_place(records, monkeypatch):
    before = snapshot(records.erased)

    def refuse(self):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(ErasureRecord, "save", refuse)
    with pytest.raises(RuntimeError):
        account_erase(user=records.erased.user)

    assert snapshot(records.erased) == before
    assert not ErasureRecord.objects.exists()
