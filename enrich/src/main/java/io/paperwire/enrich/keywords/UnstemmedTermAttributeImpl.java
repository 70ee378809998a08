package io.paperwire.enrich.keywords;

import java.util.Arrays;
import org.apache.lucene.util.AttributeImpl;
import org.apache.lucene.util.AttributeReflector;

/** The implementation of {@link UnstemmedTermAttribute}: the term's characters in a reused buffer. */
public final class UnstemmedTermAttributeImpl extends AttributeImpl implements UnstemmedTermAttribute {

    private char[] buffer = new char[16];
    private int length;

    @Override
    public void setUnstemmed(char[] term, int termLength) {
        if (buffer.length < termLength) {
            buffer = new char[Math.max(termLength, buffer.length * 2)];
        }
        System.arraycopy(term, 0, buffer, 0, termLength);
        length = termLength;
    }

    @Override
    public String unstemmed() {
        return new String(buffer, 0, length);
    }

    @Override
    public void clear() {
        length = 0;
    }

    @Override
    public void copyTo(AttributeImpl target) {
        ((UnstemmedTermAttribute) target).setUnstemmed(buffer, length);
    }

    @Override
    public void reflectWith(AttributeReflector reflector) {
        reflector.reflect(UnstemmedTermAttribute.class, "unstemmed", unstemmed());
    }

    @Override
    public AttributeImpl clone() {
        UnstemmedTermAttributeImpl copy = (UnstemmedTermAttributeImpl) super.clone();
        copy.buffer = Arrays.copyOf(buffer, buffer.length);
        return copy;
    }
}
