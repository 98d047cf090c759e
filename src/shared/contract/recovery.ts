// Contract for the recovery workflow (acknowledgment composer and sending, sweep, remedies and the
// ledger, updates, metrics). Written by the recovery backend work.
export {};
