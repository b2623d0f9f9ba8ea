@_exported import ErlangTerms
