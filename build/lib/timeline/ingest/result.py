"""What a load returns: the good articles, once each, and one problem per bad input."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from timeline.articles import content_id
from timeline.errors import ArticleError
from timeline.types import Article


@dataclass(frozen=True)
class IngestResult:
    """The articles read, in input order, and every input that could not be read.

    ``duplicates`` names the origins of articles skipped because the same article
    (same id, text and date) was already read; they are not problems.
    """

    articles: tuple[Article, ...] = ()
    problems: tuple[ArticleError, ...] = ()
    duplicates: tuple[str, ...] = field(default_factory=tuple)


class Collector:
    """Gathers articles and problems, keeping each article once under an id of its own."""

    def __init__(self) -> None:
        self._articles: dict[str, Article] = {}
        self._problems: list[ArticleError] = []
        self._duplicates: list[str] = []

    def add(self, article: Article) -> None:
        """Keep ``article`` once; a different article under a taken id is kept under a derived id.

        Two feeds that both number their rows 1, 2, … must not lose each other's articles,
        so the later one becomes ``id~<content hash>``: stable across loads, never a clash.
        """
        earlier = self._articles.get(article.article_id)
        if earlier is None:
            self._articles[article.article_id] = article
        elif (earlier.text, earlier.date) == (article.text, article.date):
            self._duplicates.append(article.origin)
        else:
            self.add(replace(article, article_id=f"{article.article_id}~{content_id(article.text, article.date)}"))

    def problem(self, error: ArticleError) -> None:
        """Record one input that could not be read."""
        self._problems.append(error)

    def extend(self, other: IngestResult) -> None:
        """Add everything ``other`` found."""
        for article in other.articles:
            self.add(article)
        self._problems.extend(other.problems)
        self._duplicates.extend(other.duplicates)

    def result(self) -> IngestResult:
        """The articles and problems gathered so far."""
        return IngestResult(tuple(self._articles.values()), tuple(self._problems), tuple(self._duplicates))


#: What a reader yields for each article it meets: the article, or why it was skipped.
Outcome = Article | ArticleError


@dataclass(frozen=True)
class ReadContext:
    """What every reader needs besides the bytes: where they came from and the date rules."""

    #: The file or upload name, used in every problem.
    where: str
    #: Title of an article that names none (a file's stem).
    default_title: str = ""
    #: Publication date of articles that state none, or None to report them.
    date: dt.date | None = None
    #: The latest publication date accepted, or None for only the constant bound.
    latest: dt.date | None = None
