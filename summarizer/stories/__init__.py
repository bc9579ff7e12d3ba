"""Stories: documents clustered into news events, ranked, and each one's facts planned.

`plan_stories(corpus, budget, timer)` is the stage: `cluster` finds the
stories, `ranking` orders them and shares the item budget out, `group` finds the
facts several sources state, `plan` chooses the facts that fit the prompt (in
tokens of `summarizer.language.tokens`), and `headlines` names a story once its
items are known.
"""

from summarizer.stories.cluster import cluster_documents
from summarizer.stories.headlines import headline
from summarizer.stories.ranking import Budget, StoryPlan, plan_stories

__all__ = ["Budget", "StoryPlan", "cluster_documents", "headline", "plan_stories"]
