"""Claims: attributed propositions with stance, responses, evidence and events."""

from .build import ClaimBuilder
from .stage import ClaimsStage, make_claims_stage
from .words import ClaimWordError, ClaimWords

__all__ = ["ClaimBuilder", "ClaimWordError", "ClaimWords", "ClaimsStage", "make_claims_stage"]
