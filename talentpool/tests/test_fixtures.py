def test_talent_pool_fixture_builds_every_role(talent_pool):
    assert talent_pool.profile.user == talent_pool.aspirant
    assert talent_pool.sip_of_school.sip_assignments.get().school == talent_pool.school
    assert talent_pool.officer.local_authority_membership.local_authority == talent_pool.local_authority
