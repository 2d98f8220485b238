package exchange

import "encoding/xml"

// The pre-scan reads a worksheet's tokens into one token value, reused from token to token,
// instead of one xml.Token each: boxing a token into an interface allocated a third of a
// large import's memory.

// tokKind is the kind of a token.
type tokKind uint8

const (
	tokOther    tokKind = iota // a comment, directive or processing instruction of encoding/xml's
	tokStart                   // xml.StartElement: name, attr
	tokEnd                     // xml.EndElement: name
	tokText                    // xml.CharData: text
	tokProcInst                // the XML declaration on the fast path: text is its Inst
)

// token is one token of a tokenSource; its attr and text are valid until the next call.
type token struct {
	kind tokKind
	name xml.Name
	attr []xml.Attr
	text []byte
}

// xml is the token as encoding/xml's RawToken gives it.
func (tk *token) xml() xml.Token {
	switch tk.kind {
	case tokStart:
		return xml.StartElement{Name: tk.name, Attr: tk.attr}
	case tokEnd:
		return xml.EndElement{Name: tk.name}
	case tokText:
		return xml.CharData(tk.text)
	case tokProcInst:
		return xml.ProcInst{Target: "xml", Inst: tk.text}
	}
	return nil
}

// tokenSource gives a part's tokens one by one into tk; io.EOF at the end.
type tokenSource interface {
	next(tk *token) error
}

// rawTokens is encoding/xml's Decoder or fastTokens.
type rawTokens interface {
	RawToken() (xml.Token, error)
}

// xmlSource reads the tokens of encoding/xml's RawToken (or any rawTokens) into a token.
type xmlSource struct{ d rawTokens }

func (s xmlSource) next(tk *token) error {
	t, err := s.d.RawToken()
	if err != nil {
		return err
	}
	*tk = token{}
	switch t := t.(type) {
	case xml.StartElement:
		tk.kind, tk.name, tk.attr = tokStart, t.Name, t.Attr
	case xml.EndElement:
		tk.kind, tk.name = tokEnd, t.Name
	case xml.CharData:
		tk.kind, tk.text = tokText, t
	}
	return nil
}

// sourceOf is d's tokens as a tokenSource: fastTokens gives them itself.
func sourceOf(d rawTokens) tokenSource {
	if s, ok := d.(tokenSource); ok {
		return s
	}
	return xmlSource{d}
}
