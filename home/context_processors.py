from wagtail.models import Site


def navigation(request):
    """The header's navigation: the live pages under the site's home page marked "show in menus"."""
    site = Site.find_for_request(request)
    if site is None:
        return {"navigation_pages": [], "site_root": None}
    root = site.root_page
    return {
        "site_root": root,
        "navigation_pages": list(root.get_children().live().in_menu()),
    }
