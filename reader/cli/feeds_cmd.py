"""`python -m reader feeds add URL|list|refresh|remove ID|import-opml FILE|export-opml FILE`: news feeds.

`add` checks the address gives a feed (or a page that advertises one) and subscribes; `refresh` fetches every
feed (or the chosen ones) and brings each new item's page into the library, readable offline. Only `add` and
`refresh` touch the network."""

from __future__ import annotations

import argparse
import dataclasses
import json
from pathlib import Path

from reader.core.errors import ExportProblem, ImportProblem
from reader.core.storage import Store


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the feeds subcommands."""
    sub = parser.add_subparsers(dest="feeds_action", metavar="ACTION", required=True)
    sub.add_parser("add", help="subscribe to a feed (RSS or Atom), or to the feed a page advertises").add_argument("url")
    listing = sub.add_parser("list", help="list the feeds with their unread counts")
    listing.add_argument("--json", action="store_true", help="print the feeds as JSON")
    refresh = sub.add_parser("refresh", help="fetch the feeds and bring new items into the library")
    refresh.add_argument("ids", nargs="*", type=int, help="only these feeds (default: all)")
    refresh.add_argument("--json", action="store_true", help="print what each refresh did as JSON")
    sub.add_parser("remove", help="unsubscribe (articles already in the library stay)").add_argument("id", type=int)
    sub.add_parser("import-opml", help="subscribe to the feeds of an OPML file").add_argument("path")
    export = sub.add_parser("export-opml", help="write the subscriptions as an OPML file")
    export.add_argument("path")
    export.add_argument("--force", action="store_true", help="overwrite an existing file")


def run(args: argparse.Namespace) -> int:
    """Run a feeds subcommand."""
    with Store.open() as store, store.guarded():
        action = args.feeds_action
        if action == "add":
            from reader.core.web.subscriptions import subscribe

            entry = subscribe(store, args.url)
            print(f"subscribed {entry.id}\t{entry.title}\t{entry.url}")
        elif action == "list":
            _list(store, args.json)
        elif action == "refresh":
            _refresh(store, args.ids or None, args.json)
        elif action == "remove":
            entry = store.feeds.get(args.id)
            store.feeds.remove(args.id)
            print(f"removed {entry.id}\t{entry.title}")
        elif action == "import-opml":
            _import_opml(store, Path(args.path))
        else:
            _export_opml(store, Path(args.path), args.force)
    return 0


def _list(store: Store, as_json: bool) -> None:
    feeds = store.feeds.list()
    if as_json:
        print(json.dumps([dataclasses.asdict(f) for f in feeds], ensure_ascii=False, indent=2))
        return
    for feed in feeds:
        problem = f"\t({feed.problem})" if feed.problem else ""
        print(f"{feed.id}\t{feed.title}\t{feed.unread} unread of {feed.items}\t{feed.url}{problem}")


def _refresh(store: Store, ids: list[int] | None, as_json: bool) -> None:
    from reader.core.web.subscriptions import refresh_feeds

    results = refresh_feeds(store, ids)
    if as_json:
        print(json.dumps([dataclasses.asdict(r) for r in results], ensure_ascii=False, indent=2))
        return
    for result in results:
        state = ("not modified" if result.not_modified else f"problem: {result.problem}" if result.problem
                 else f"{result.new_items} new, {len(result.article_ids)} added to the library")
        print(f"{result.feed_id}\t{result.title}\t{state}")


def _import_opml(store: Store, path: Path) -> None:
    from reader.core.web.opml import from_opml

    try:
        data = path.read_bytes()
    except OSError as error:
        raise ImportProblem(f"cannot be read ({error.strerror})", path) from None
    for subscription in from_opml(data, str(path)):
        entry = store.feeds.add(subscription.url, subscription.title, subscription.site_url)
        print(f"subscribed {entry.id}\t{entry.title}\t{entry.url}")


def _export_opml(store: Store, path: Path, force: bool) -> None:
    from reader.core.web.opml import Subscription, to_opml

    if path.exists() and not force:
        raise ExportProblem("exists already; add --force to overwrite it", path)
    text = to_opml([Subscription(f.url, f.title, f.site_url) for f in store.feeds.list()])
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as error:
        raise ExportProblem(f"cannot be written ({error.strerror})", path) from None
    print(f"wrote {path}")
