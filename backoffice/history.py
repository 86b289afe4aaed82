"""History for every content model, however it is changed.

``ContentAdmin`` registers its model with django-reversion, following the
admin's inlines. Content models without an admin of their own (edited inline,
or only by imports and the demo loader) are registered here, found by type.
"""

import reversion

from core.apps import content_models


def register_content_history():
    for model in content_models():
        if not reversion.is_registered(model):
            reversion.register(model)
