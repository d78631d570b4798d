"""Fixtures shared by every app's tests: one per role, and the site's page tree."""

import pytest
from django.contrib.auth.models import Group

from home.factories import UserFactory
from programmes.factories import page_tree_factory
from programmes.roles import LA_OFFICERS, MODERATORS

pytest_plugins = ["portal.testing.browser"]


@pytest.fixture
def site_tree(db):
    """A site with a home page and one programme section, as an LA would set it up."""
    return page_tree_factory()


@pytest.fixture
def superuser(db):
    return UserFactory(is_superuser=True, is_staff=True, username="admin")


@pytest.fixture
def la_officer(db):
    user = UserFactory(username="officer")
    user.groups.add(Group.objects.get(name=LA_OFFICERS))
    return user


@pytest.fixture
def moderator(db):
    user = UserFactory(username="moderator")
    user.groups.add(Group.objects.get(name=MODERATORS))
    return user
