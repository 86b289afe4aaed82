from core.apps import ContentAppConfig


class ContentAppTestConfig(ContentAppConfig):
    """An app added the way a new content app would be, touching neither core/ nor backoffice/."""

    name = "tests.contentapp"
    label = "contentapp"
