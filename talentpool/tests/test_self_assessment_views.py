"""The leadership qualities self-assessment, as an aspirant uses it."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from home.factories import UserFactory
from talentpool import services
from talentpool.factories import QualityRatingFactory
from talentpool.models import LeadershipQuality, QualityRating
from talentpool.roles import ASPIRANT_LEADERS
from talentpool.services.self_assessment import self_assessment_save

URL = reverse("talentpool:self_assessment")


def quality(slug: str) -> LeadershipQuality:
    return LeadershipQuality.objects.get(slug=slug)


@pytest.fixture
def aspirant_client(client, talent_pool):
    client.force_login(talent_pool.aspirant)
    return client


@pytest.fixture
def slugs(db):
    return list(LeadershipQuality.objects.order_by("sort_order", "name").values_list("slug", flat=True))


def test_the_page_lists_every_quality_with_ratings_1_to_5(aspirant_client, slugs):
    response = aspirant_client.get(URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert len(slugs) == 11
    for leadership_quality in LeadershipQuality.objects.all():
        assert leadership_quality.name in html
        assert f'name="evidence-{leadership_quality.slug}"' in html
        assert html.count(f'name="rating-{leadership_quality.slug}"') == 5
    for label in ("1: Not yet", "2: Beginning", "3: Developing", "4: Secure", "5: A strength"):
        assert html.count(f"{label}</label>") == 11
    assert html.count("Not rated yet") == 11
    assert "You have not rated any qualities yet." in html


def test_rate_some_qualities_and_leave_the_rest(aspirant_client, talent_pool, slugs):
    response = aspirant_client.post(
        URL,
        {
            f"rating-{slugs[0]}": "4",
            f"evidence-{slugs[0]}": "I led the Year 5 team through an Ofsted visit.",
            f"rating-{slugs[4]}": "2",
            f"evidence-{slugs[5]}": "",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("talentpool:dashboard")
    assert [str(m) for m in get_messages(response.wsgi_request)] == ["Your self-assessment has been saved."]
    saved = {r.quality.slug: (r.rating, r.evidence) for r in talent_pool.profile.quality_ratings.all()}
    assert saved == {slugs[0]: (4, "I led the Year 5 team through an Ofsted visit."), slugs[4]: (2, "")}


def test_saved_ratings_are_shown_with_their_dates_and_can_be_changed(aspirant_client, talent_pool, slugs):
    QualityRatingFactory(
        profile=talent_pool.profile,
        quality=quality(slugs[0]),
        rating=3,
        evidence="Ran the staff wellbeing group.",
        updated_at=datetime.datetime(2027, 3, 3, 10, tzinfo=datetime.UTC),
    )
    QualityRatingFactory(
        profile=talent_pool.profile,
        quality=quality(slugs[1]),
        rating=2,
        evidence="",
        updated_at=datetime.datetime(2027, 1, 14, 10, tzinfo=datetime.UTC),
    )
    response = aspirant_client.get(URL)
    html = response.content.decode()
    assert html.count("Last updated 3 March 2027") == 2  # overall and for the first quality
    assert "Last updated 14 January 2027" in html
    assert html.count("Not rated yet") == 9
    assert f'id="id_rating-{slugs[0]}_2" name="rating-{slugs[0]}" type="radio" value="3" checked' in html
    assert "Ran the staff wellbeing group." in html

    form = response.context["form"]
    data = {name: form[name].value() for name in form.fields if form[name].value() not in (None, "")}
    data[f"rating-{slugs[0]}"] = "5"
    response = aspirant_client.post(URL, data)
    assert response.status_code == 302
    first = talent_pool.profile.quality_ratings.get(quality__slug=slugs[0])
    second = talent_pool.profile.quality_ratings.get(quality__slug=slugs[1])
    assert (first.rating, first.evidence) == (5, "Ran the staff wellbeing group.")
    assert first.updated_at.date() == timezone.localdate()
    assert second.updated_at == datetime.datetime(
        2027, 1, 14, 10, tzinfo=datetime.UTC
    )  # unchanged, untouched


def test_one_bad_answer_saves_nothing_and_keeps_what_was_typed(aspirant_client, talent_pool, slugs):
    QualityRatingFactory(profile=talent_pool.profile, quality=quality(slugs[2]), rating=1, evidence="Before.")
    too_long = "x" * 2001
    response = aspirant_client.post(
        URL,
        {
            f"rating-{slugs[0]}": "4",
            f"evidence-{slugs[0]}": "A good answer that must not be lost.",
            f"rating-{slugs[1]}": "3",
            f"evidence-{slugs[1]}": too_long,
            f"rating-{slugs[2]}": "5",
            f"evidence-{slugs[2]}": "After.",
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    name = quality(slugs[1]).name
    message = f"Evidence for {name} must be 2,000 characters or fewer. You have entered 2001 characters."
    assert html.count(message) == 2  # next to the field, and in the error summary
    assert f'href="#id_evidence-{slugs[1]}"' in html
    assert "A good answer that must not be lost." in html
    assert too_long in html
    assert 'value="5" checked' in html
    assert list(talent_pool.profile.quality_ratings.values_list("rating", "evidence")) == [(1, "Before.")]


def test_evidence_without_a_rating_is_not_dropped_silently(aspirant_client, talent_pool, slugs):
    response = aspirant_client.post(URL, {f"evidence-{slugs[3]}": "Chaired the curriculum group."})
    name = quality(slugs[3]).name
    assert response.context["form"].errors[f"rating-{slugs[3]}"] == [
        f"Choose a rating for {name} to save your evidence, or delete the evidence"
    ]
    assert f'href="#id_rating-{slugs[3]}_0"' in response.content.decode()
    assert not QualityRating.objects.exists()


def test_a_rating_outside_1_to_5_is_refused(aspirant_client, talent_pool, slugs):
    response = aspirant_client.post(URL, {f"rating-{slugs[0]}": "9", f"rating-{slugs[1]}": "4"})
    assert response.status_code == 200
    assert response.context["form"].errors[f"rating-{slugs[0]}"] == [
        f"Choose a rating from 1 to 5 for {quality(slugs[0]).name}"
    ]
    assert not QualityRating.objects.exists()


def test_an_aspirant_without_a_profile_yet_can_rate_themselves(client, slugs):
    newcomer = UserFactory()
    newcomer.groups.add(Group.objects.get(name=ASPIRANT_LEADERS))
    client.force_login(newcomer)
    assert client.get(URL).status_code == 200
    assert client.post(URL, {f"rating-{slugs[0]}": "3"}).status_code == 302
    assert newcomer.aspirant_profile.quality_ratings.get().rating == 3


def test_each_aspirant_sees_and_changes_only_their_own_ratings(client, talent_pool, slugs):
    QualityRatingFactory(
        profile=talent_pool.profile, quality=quality(slugs[0]), rating=4, evidence="Asha's own."
    )
    client.force_login(talent_pool.another_aspirant)
    response = client.get(URL)
    assert "Asha&#x27;s own." not in response.content.decode()
    assert "Asha's own." not in response.content.decode()
    client.post(URL, {f"rating-{slugs[0]}": "1"})
    assert talent_pool.profile.quality_ratings.get().rating == 4
    assert talent_pool.another_aspirant.aspirant_profile.quality_ratings.get().rating == 1


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("aspirant", 200),
        ("another_aspirant", 200),
        ("sip_of_school", 403),
        ("sip_of_other_school", 403),
        ("officer", 403),
        ("officer_of_other_la", 403),
    ],
)
def test_who_may_use_the_self_assessment(client, talent_pool, slugs, role, expected):
    QualityRatingFactory(
        profile=talent_pool.profile, quality=quality(slugs[0]), rating=4, evidence="Private."
    )
    client.force_login(getattr(talent_pool, role))
    response = client.get(URL)
    assert response.status_code == expected
    if expected == 403:
        assert "Private." not in response.content.decode()
        assert client.post(URL, {f"rating-{slugs[0]}": "1"}).status_code == 403
        assert talent_pool.profile.quality_ratings.get().rating == 4


def test_signed_out_people_are_sent_to_sign_in(client, db):
    for response in (client.get(URL), client.post(URL, {})):
        assert response.status_code == 302
        assert response["Location"].startswith(f"{reverse('account_login')}?next=")


# The save itself: all or nothing -----------------------------------------------------------------


def test_an_invalid_answer_reaching_the_service_saves_nothing(talent_pool, slugs):
    answers = {quality(slugs[0]): (4, "Fine."), quality(slugs[1]): (9, "Out of range.")}
    with pytest.raises(ValidationError) as caught:
        self_assessment_save(profile=talent_pool.profile, answers=answers)
    assert list(caught.value.message_dict) == [slugs[1]]
    assert not QualityRating.objects.exists()


def test_a_failure_half_way_rolls_back_the_ratings_already_written(talent_pool, slugs, monkeypatch):
    real_save = services.quality_rating_save
    calls = []

    def fail_on_the_second(**kwargs):
        calls.append(kwargs["quality"])
        if len(calls) == 2:
            raise RuntimeError("database went away")
        return real_save(**kwargs)

    monkeypatch.setattr("talentpool.services.self_assessment.quality_rating_save", fail_on_the_second)
    answers = {quality(slugs[0]): (4, "First."), quality(slugs[1]): (3, "Second.")}
    with pytest.raises(RuntimeError):
        self_assessment_save(profile=talent_pool.profile, answers=answers)
    assert len(calls) == 2
    assert not QualityRating.objects.exists()
