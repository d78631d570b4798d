"""Officers preview their edits before submitting them for sign-off."""

import pytest
from django.urls import reverse

from programmes.factories import LocalAuthorityFactory, ProgrammePageFactory, SchoolFactory, career_stage
from programmes.models import ProgrammeSchool, RelatedProgramme
from programmes.tests.test_workflow import edit_form_data

pytestmark = pytest.mark.django_db


def test_officer_previews_unsaved_changes_to_a_programme(client, site_tree, la_officer):
    index = site_tree["programme_index"]
    bedford = LocalAuthorityFactory(name="Bedford")
    programme = ProgrammePageFactory(
        parent=index,
        title="Terrific Teams",
        local_authorities=[bedford],
        audiences=[career_stage("teacher")],
        tags=["teams"],
    )
    ProgrammeSchool.objects.create(page=programme, school=SchoolFactory(local_authority=bedford))
    other = ProgrammePageFactory(parent=index, title="Better Together", local_authorities=[bedford])
    RelatedProgramme.objects.create(page=programme, programme=other)
    client.force_login(la_officer)
    edit_url = reverse("wagtailadmin_pages:edit", args=(programme.pk,))
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=(programme.pk,))
    thurrock = LocalAuthorityFactory(name="Thurrock")

    data = edit_form_data(
        client.get(edit_url),
        summary="A new summary the officer has not saved yet.",
        local_authorities=[bedford.pk, thurrock.pk],
        tags="teams, networks",
    )
    # dict(lists()): the test client would keep only the last value of each QueryDict key.
    validation = client.post(preview_url, dict(data.lists()))
    preview = client.get(preview_url)

    assert validation.json()["is_valid"] is True
    assert preview.status_code == 200
    content = preview.content.decode()
    assert "A new summary the officer has not saved yet." in content
    assert "Bedford, Thurrock" in content
    assert "networks" in content
    assert "Better Together" in content
    programme.refresh_from_db()
    assert programme.summary != "A new summary the officer has not saved yet."
