"""StreamField blocks shared by every page type. Each renders a GOV.UK Frontend pattern."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=120, label=_("Heading"))
    size = blocks.ChoiceBlock(
        choices=[("h2", _("Section heading")), ("h3", _("Sub-heading"))],
        default="h2",
        help_text=_("Use a section heading first; sub-headings go under it."),
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        preview_value = {"text": "Who the programme is for", "size": "h2"}
        description = _("A heading that starts a new section of the page.")


class InsetTextBlock(blocks.StructBlock):
    text = blocks.RichTextBlock(features=["bold", "italic", "link"])

    class Meta:
        icon = "openquote"
        template = "blocks/inset_text_block.html"
        label = _("Inset text")
        preview_value = {"text": "<p>Places are limited to two staff from each school.</p>"}
        description = _("Highlights a short piece of content the reader should notice.")


class WarningTextBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=300)

    class Meta:
        icon = "warning"
        template = "blocks/warning_text_block.html"
        label = _("Warning")
        preview_value = {"text": "Applications close at 5pm on the closing date."}
        description = _("Something the reader must not miss, such as a deadline.")


class DetailsBlock(blocks.StructBlock):
    summary = blocks.CharBlock(max_length=120, help_text=_("The question or label people click."))
    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)

    class Meta:
        icon = "list-ul"
        template = "blocks/details_block.html"
        label = _("Expandable details")
        preview_value = {
            "summary": "Who can take part?",
            "text": "<p>Any member of staff in a school in the programme's local authorities.</p>",
        }
        description = _("Extra detail that only some readers need, hidden until clicked.")


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False, max_length=120)

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"
        preview_value = {
            "quote": "Working with another school gave our middle leaders the confidence to lead.",
            "attribution": "Headteacher, primary school",
        }
        description = _("A quotation from a participant, with who said it.")


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock()
    title = blocks.CharBlock(
        required=False, max_length=120, help_text=_("Leave blank to use the document's own title.")
    )

    class Meta:
        icon = "doc-full"
        template = "blocks/document_link_block.html"
        label = _("Document")
        description = _("A link to download a document, with its type and size.")


class ImageWithCaptionBlock(blocks.StructBlock):
    image = ImageBlock()
    caption = blocks.CharBlock(required=False, max_length=200)

    class Meta:
        icon = "image"
        template = "blocks/image_block.html"
        label = _("Image")
        description = _("An image with alternative text and an optional caption.")


class ButtonBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=60)
    page = blocks.PageChooserBlock(required=False)
    url = blocks.URLBlock(
        required=False, help_text=_("Use this only when the link is not a page on this site.")
    )

    class Meta:
        icon = "link"
        template = "blocks/button_block.html"
        label = _("Button")
        preview_value = {"text": "Find a programme", "url": "https://example.org/"}
        description = _("A call to action that links to a page.")

    def clean(self, value):
        cleaned = super().clean(value)
        if bool(cleaned.get("page")) == bool(cleaned.get("url")):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "url": blocks.BlockValidationError(
                        _("Choose a page or enter a web address, but not both.")
                    )
                }
            )
        return cleaned


class BodyStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES,
        icon="pilcrow",
        template="blocks/paragraph_block.html",
        preview_value="<p>Leaders grow best when schools learn from each other.</p>",
        description=_("Text with links, lists and emphasis."),
    )
    inset_text = InsetTextBlock()
    warning = WarningTextBlock()
    details = DetailsBlock()
    quote = QuoteBlock()
    image = ImageWithCaptionBlock()
    document = DocumentLinkBlock()
    button = ButtonBlock()
