from wagtail.models import Page


def search_pages(*, query: str):
    """Live, public pages matching the query, best match first; nothing for an empty query."""
    # The SQLite search backend wraps each word in double quotes without escaping them, so a
    # quote mark someone typed would be an SQL syntax error. Quote marks mean nothing in a
    # plain-text search, so drop them.
    query = query.replace('"', " ").strip()
    if not query:
        return Page.objects.none()
    return Page.objects.live().public().specific().search(query)
