"""Factories for users and the home app's pages. Other apps' tests import these."""

import factory
from django.contrib.auth import get_user_model
from django.utils.text import slugify
from wagtail.models import Page, Site

from .models import HomePage, StandardPage

TEST_PASSWORD = "correct horse battery staple"  # noqa: S105 - test data


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    first_name = factory.Faker("first_name", locale="en_GB")
    last_name = factory.Faker("last_name", locale="en_GB")
    password = factory.django.Password(TEST_PASSWORD)


class PageFactory(factory.django.DjangoModelFactory):
    """Creates a page as a child of ``parent`` and publishes it (pass ``live=False`` for a draft)."""

    class Meta:
        abstract = True

    title = factory.Sequence(lambda n: f"Page {n}")

    @classmethod
    def _create(cls, model_class, *args, parent=None, live=True, **kwargs):
        many_to_many = {
            name: kwargs.pop(name)
            for name in list(kwargs)
            if name in {f.name for f in model_class._meta.many_to_many} or name == "tags"
        }
        page = model_class(*args, **kwargs)
        page.slug = page.slug or slugify(page.title)
        parent = parent or Page.get_first_root_node()
        parent.add_child(instance=page)
        for name, values in many_to_many.items():
            if name == "tags":
                page.tags.add(*values)
            else:
                getattr(page, name).set(values)
        revision = page.save_revision()
        if live:
            revision.publish()
        else:
            page.unpublish()
        page.refresh_from_db()
        return page


class HomePageFactory(PageFactory):
    class Meta:
        model = HomePage

    title = "Growing school leaders"
    introduction = "Leadership development for staff in our schools."


class StandardPageFactory(PageFactory):
    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"About page {n}")
    body = factory.LazyFunction(lambda: [("paragraph", "<p>Plain content for a standard page.</p>")])


def home_page_as_site_root() -> HomePage:
    """Replace Wagtail's placeholder welcome page with a HomePage serving the default site."""
    home = HomePageFactory(parent=Page.get_first_root_node(), slug="home-page")
    site = Site.objects.get(is_default_site=True)
    placeholder = site.root_page
    site.root_page = home
    site.save()
    if placeholder.pk != home.pk and not isinstance(placeholder.specific, HomePage):
        placeholder.delete()
    return home
