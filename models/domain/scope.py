"""What a caller may read, pure: one predicate per kind of object, from the caller's grants.

The province's roles read everything. A block head reads the objects of the blocks and years they head:
nominations, meetings and proposals of that block and year; documents whose stage belongs to it, and of the
province's documents (a stage of no block, such as a council session or a decision) those sent to it; award
records of the block's member units and their people. The API checks single objects with these predicates and
filters lists with the same facts (api/scope.py turns a `ReadScope` into a query condition), so the two cannot
drift apart.
"""

from collections.abc import Collection, Iterable
from dataclasses import dataclass

from models.domain.permissions import ALLOWED, Action, Grant, may

# The province's papers sent to the blocks once a decision is signed: the decision (its annex is part of it), whose
# "Nơi nhận" is "Như Điều 3", the units and people it awards; and the office's notice of its results, addressed to
# the head of each block it names. The council's minutes, the office's Tờ trình and the certificates are not sent.
SENT_TO_BLOCKS = frozenset({"decision", "results_notice"})


@dataclass(frozen=True)
class ReadScope:
    whole_province: bool
    block_years: frozenset[tuple[int, int]]  # (block id, emulation year) pairs a block head heads

    @classmethod
    def of(cls, grants: Iterable[Grant], reads: Action = Action.READ_BLOCK) -> "ReadScope":
        """What `reads` lets these grants see: a block's dossiers (READ_BLOCK), or only its scoring (READ_SCORING,
        which a member unit also holds for its own block and year)."""
        grants = tuple(grants)
        headed = frozenset((g.block_id, g.year) for g in grants
                           if g.role in ALLOWED[reads] and g.block_id is not None and g.year is not None)
        return cls(may(grants, Action.READ_PROVINCE).allowed, headed)

    @property
    def reads_nothing(self) -> bool:
        """No role that reads a block or the province: such a caller is refused (403), not shown an empty list."""
        return not self.whole_province and not self.block_years

    def sees_block(self, block_id: int | None, year: int | None) -> bool:
        """A nomination, meeting or proposal of this block and year (None: the province's own objects)."""
        if self.whole_province:
            return True
        return block_id is not None and year is not None and (block_id, year) in self.block_years

    def sees_document(self, stage_block_id: int | None, stage_year: int | None,
                      sent_to: Collection[tuple[int, int]] = ()) -> bool:
        """A document, through the stage that issued it: a block's papers; or (block None) the province's, which a
        block head reads once it is sent to a block and year they head (`sent_to`: see SENT_TO_BLOCKS)."""
        if stage_block_id is not None:
            return self.sees_block(stage_block_id, stage_year)
        return self.whole_province or any(block_year in self.block_years for block_year in sent_to)

    def sees_award_record(self, recipient_unit_id: int, member_unit_ids: Collection[int]) -> bool:
        """An award record of a unit, or of a person of that unit; `member_unit_ids` are the units of the blocks
        and years this caller heads."""
        return self.whole_province or recipient_unit_id in member_unit_ids
