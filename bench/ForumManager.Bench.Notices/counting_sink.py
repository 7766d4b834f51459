"""An aiosmtpd handler that accepts every message and writes its Message-ID to a file, one a line, before answering
250, so that the bench can count the messages the server received more than once."""
import re

MESSAGE_ID = re.compile(rb"^Message-ID:\s*(\S+)", re.IGNORECASE | re.MULTILINE)


class CountingSink:
    def __init__(self, path):
        self.received = open(path, "a", buffering=1, encoding="ascii")

    @classmethod
    def from_cli(cls, parser, *args):
        if len(args) != 1:
            parser.error("CountingSink takes one argument: the file to write Message-IDs to")
        return cls(args[0])

    async def handle_DATA(self, server, session, envelope):
        content = envelope.original_content or envelope.content
        # Only the headers are searched: the first blank line ends them.
        end = content.find(b"\r\n\r\n")
        found = MESSAGE_ID.search(content, 0, end if end >= 0 else len(content))
        self.received.write((found.group(1).decode("ascii", "replace") if found else "-") + "\n")
        return "250 OK"
