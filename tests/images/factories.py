import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as Picture

from images.models import Image


def image_file(size=(1200, 800), colour="teal", image_format="PNG", name="foto.png"):
    """A real picture as a browser uploads it."""
    buffer = io.BytesIO()
    Picture.new("RGB", size, colour).save(buffer, format=image_format)
    content_type = f"image/{image_format.lower()}"
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=content_type)


def make_image(alt_de="Gäste beim Sommerfest im Saal", size=(1200, 800), **overrides):
    """A picture in the library, stored with its smaller versions."""
    return Image.objects.create(file=image_file(size=size), alt_de=alt_de, **overrides)
