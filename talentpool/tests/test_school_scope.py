"""Schools decide whose aspirants an officer or SIP reaches, so officers cannot take another LA's."""

from django.urls import reverse

from programmes.factories import SchoolFactory
from talentpool.permission_policies import school_permission_policy


def edit_url(school):
    return reverse("wagtailsnippets_programmes_school:edit", args=[school.pk])


def school_form(school, **changes):
    values = {"urn": school.urn, "name": school.name, "local_authority": school.local_authority_id}
    values.update(phase=school.phase, cluster="", postcode="", **changes)
    return values


def test_an_officer_of_another_la_cannot_take_a_school_and_its_aspirants(client, talent_pool):
    tp = talent_pool
    client.force_login(tp.officer_of_other_la)

    client.post(edit_url(tp.school), school_form(tp.school, local_authority=tp.other_local_authority.pk))

    tp.school.refresh_from_db()
    assert tp.school.local_authority == tp.local_authority
    assert "Patel" not in client.get(reverse("talentpool:review_list")).content.decode()


def test_an_officer_changes_only_their_own_las_schools(client, talent_pool):
    tp = talent_pool
    thurrock_school = SchoolFactory(local_authority=tp.other_local_authority)
    client.force_login(tp.officer)

    own = client.post(edit_url(tp.school), school_form(tp.school, name="Oakfield Primary School"))
    other = client.post(edit_url(thurrock_school), school_form(thurrock_school, name="Renamed"))

    tp.school.refresh_from_db()
    thurrock_school.refresh_from_db()
    assert own.status_code == 302 and tp.school.name == "Oakfield Primary School"
    assert other.status_code in (302, 404) and thurrock_school.name != "Renamed"


def test_the_school_policy_scopes_change_and_delete_but_not_viewing(talent_pool):
    tp = talent_pool
    thurrock_school = SchoolFactory(local_authority=tp.other_local_authority)
    policy = school_permission_policy

    assert policy.user_has_permission_for_instance(tp.officer, "change", tp.school)
    assert not policy.user_has_permission_for_instance(tp.officer, "change", thurrock_school)
    assert policy.user_has_permission_for_instance(tp.officer, "view", thurrock_school)
    changeable = policy.instances_user_has_permission_for(tp.officer, "change")
    assert tp.school in changeable and thurrock_school not in changeable
