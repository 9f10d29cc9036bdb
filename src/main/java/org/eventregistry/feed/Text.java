package org.eventregistry.feed;

/** Text made safe for XML and iCalendar: characters neither may carry are dropped. */
final class Text {

    private Text() {
    }

    /** The text without C0 controls (other than tab and line feed), lone surrogates and U+FFFE/U+FFFF. */
    static String clean(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (!Character.isSurrogate(c) && (c >= 0x20 || c == '\t' || c == '\n') && c != 0xfffe && c != 0xffff && c != 0x7f) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
