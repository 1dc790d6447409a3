"""How much one request may carry, and the ranges of ids, counts and years it may name."""

from typing import Annotated

from pydantic import Field as PydanticField

# How many rows one request may carry: far above the real cases (a block meeting puts forward tens of candidates;
# a province's council votes on ~1,100 nominations a year and its Bằng khen decision lists ~700), low enough that
# checking a request never costs the server more than a moment.
MAX_BLOCK_ROWS = 1_000  # a meeting's attendance, candidates and tallies; a proposal; a screening
MAX_PROVINCE_ROWS = 5_000  # a council session's votes; a decision's nominations and strikes
MAX_COUNCIL_MEMBERS = 100
MAX_REASON_LENGTH = 5_000
MAX_ID = 2_147_483_647  # a PostgreSQL INTEGER; larger ids cannot exist, so they are refused as input
RefId = Annotated[int, PydanticField(ge=1, le=MAX_ID)]
Count = Annotated[int, PydanticField(ge=0, le=1_000_000)]
YearNumber = Annotated[int, PydanticField(ge=1945, le=2100)]
