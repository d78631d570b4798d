from wagtail.models import Page


def search_pages(*, query: str):
    """Live, public pages matching the query, best match first; nothing for an empty query."""
    if not query:
        return Page.objects.none()
    return Page.objects.live().public().specific().search(query)
