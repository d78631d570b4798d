from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from wagtail.models import Site


def navigation(request):
    """The header's navigation: the site's live "show in menus" pages, then search.

    Each item says whether it is the current page or the section the current page is in, so the
    template only prints. Built lazily: admin pages, which never show it, cost no queries.
    """
    return {"navigation_items": SimpleLazyObject(lambda: _navigation_items(request))}


def _navigation_items(request) -> list[dict]:
    site = Site.find_for_request(request)
    links = []
    if site is not None:
        links = [
            (page.title, page.get_url(request=request))
            for page in site.root_page.get_children().live().in_menu()
        ]
    links.append((_("Search"), reverse("search")))
    return [
        {
            "title": title,
            "url": url,
            "is_current": request.path == url,
            "in_section": request.path != url and request.path.startswith(url),
        }
        for title, url in links
    ]
