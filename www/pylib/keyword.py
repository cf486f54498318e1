# keyword
