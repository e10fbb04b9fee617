package org.keywarden.portal.boundary;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.ResourceBundle;

/** Messages of the portals' bundle, in the view's language, as Faces messages. */
public final class PortalMessages {

    private PortalMessages() {
    }

    public static String text(FacesContext faces, String key, Object... arguments) {
        ResourceBundle bundle = faces.getApplication().getResourceBundle(faces, "msg");
        String pattern = bundle.containsKey(key) ? bundle.getString(key) : key;
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, bundle.getLocale()).format(arguments);
    }

    /** An error for one field ({@code clientId}), or for the page when null. */
    public static void error(FacesContext faces, String clientId, String key, Object... arguments) {
        String text = text(faces, key, arguments);
        faces.addMessage(clientId, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
    }
}
