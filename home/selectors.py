from wagtail.models import Page, Site


def search_pages(*, query: str, site: Site | None):
    """The site's live, public pages matching the query, best match first; none for an empty query."""
    # The SQLite search backend wraps each word in double quotes without escaping them, so a
    # quote mark someone typed would be an SQL syntax error. Quote marks mean nothing in a
    # plain-text search, so drop them.
    query = query.replace('"', " ").strip()
    if not query or site is None:
        return Page.objects.none()
    return Page.objects.live().public().in_site(site).specific().search(query)
