"""Pages with someone's personal data must not be kept by browsers or shared caches."""

import pytest
from django.urls import reverse

from talentpool.factories import CareerStepFactory


@pytest.mark.parametrize(
    "url_name",
    ["dashboard", "profile_edit", "self_assessment", "career_step_add", "export_my_data", "delete_account"],
)
def test_pathway_pages_are_never_cached(client, talent_pool, url_name):
    client.force_login(talent_pool.aspirant)

    response = client.get(reverse(f"talentpool:{url_name}"))

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


def test_career_step_edit_is_never_cached(client, talent_pool):
    step = CareerStepFactory(profile=talent_pool.profile)
    client.force_login(talent_pool.aspirant)

    response = client.get(reverse("talentpool:career_step_edit", args=[step.pk]))

    assert "no-store" in response["Cache-Control"]
