"""Tiny helpers for writing rich text in the demo content modules, so the content stays readable."""

from django.utils.html import escape


def p(*paragraphs: str) -> str:
    """One <p> per argument. Arguments may contain inline HTML such as <strong> or links."""
    return "".join(f"<p>{text}</p>" for text in paragraphs)


def ul(*items: str) -> str:
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def lead_in(label: str, text: str) -> str:
    """A bold label in front of a list item or paragraph, such as '<strong>In Essex</strong>, ...'."""
    return f"<strong>{escape(label)}</strong>{text}"


def page_link(page_id: int, text: str) -> str:
    """An internal page link in Wagtail's rich text format, which survives the page moving."""
    return f'<a linktype="page" id="{page_id}">{escape(text)}</a>'


def email_link(address: str) -> str:
    return f'<a href="mailto:{escape(address)}">{escape(address)}</a>'
