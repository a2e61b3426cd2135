"""Pages saved as one MHTML file ("Save as single file"): a MIME message whose first `text/html` part is the page.
The other parts (images, styles, scripts) are never read.
"""

from __future__ import annotations

import email
import email.policy

from reader.core.errors import ImportProblem


def html_part(data: bytes, name: str | None = None) -> tuple[bytes, str | None]:
    """Return (the page's bytes, its declared Content-Type) from an MHTML file; ImportProblem when it has none."""
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes) and payload.strip():
                return payload, part.get("Content-Type")
    raise ImportProblem("is an MHTML file without a web page in it", name)
