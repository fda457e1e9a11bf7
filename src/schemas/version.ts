/** The Trace format's version, apart from its schema so that writing a Trace needs no schema library. */
export const TRACE_VERSION = 4;
