package io.pactwire.ingest;

import org.jdom2.Content;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.filter.Filters;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A parsed feed made the shape Rome's parsers expect, where feedparser reads the same document as a feed:
 *
 * <ul>
 *   <li>RSS 0.9x quirks: an {@code <rss>} root with no version, or one no parser knows ({@code 2.00},
 *       {@code 0.91fn}), is read as RSS 2.0, whose elements are a superset of 0.9x's.</li>
 *   <li>An {@code <rss>} root in a namespace, a default one ({@code http://backend.userland.com/rss2},
 *       {@code http://blogs.law.harvard.edu/tech/rss}) or a prefix's ({@code <r:rss xmlns:r="...">}), has
 *       that namespace's elements moved to none, where RSS's elements are; elements in other namespaces keep
 *       theirs.</li>
 *   <li>An {@code <rss>} without {@code <channel>} has its content put in one, so its items are read (none if
 *       it has none); an RSS 1.0 or 0.90 {@code <rdf:RDF>} without one gets an empty one, as its items are
 *       beside it. Either is {@linkplain #NO_CHANNEL noted}, so that a feed with no items says why.</li>
 *   <li>A {@code <channel>} root: Microsoft's Channel Definition Format ({@code <CHANNEL>} of
 *       {@code <ITEM HREF="...">}, with {@code <TITLE>}, {@code <ABSTRACT>} and a {@code LASTMOD} attribute),
 *       or an RSS channel that lost its {@code <rss>}, becomes the RSS 2.0 it maps to: title, description,
 *       link (resolved against a {@code BASE} attribute), pubDate, and any other child element as it is.
 *       Its items in sub-channels are the channel's.</li>
 *   <li>An {@code <item>} of an Atom {@code <feed>}, in the feed's namespace, is an entry, as feedparser
 *       takes it.</li>
 * </ul>
 * Only elements are renamed, moved or made: no text is parsed again, so nothing here can bring an entity or a
 * DTD back in.
 */
final class FeedTree {
    /** What is noted of an RSS feed with no {@code <channel>}. */
    static final String NO_CHANNEL = "RSS without <channel>";

    private static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private static final Set<String> RSS_VERSIONS = Set.of("0.91", "0.92", "0.93", "0.94", "2.0");
    private static final Set<String> ATOM = Set.of("http://purl.org/atom/ns#", "http://www.w3.org/2005/Atom");

    private FeedTree() {
    }

    /**
     * Rewrites {@code document} in place into what Rome reads.
     *
     * @return {@link #NO_CHANNEL} when the RSS feed had no channel, else empty
     */
    static Optional<String> normalize(Document document) {
        Element root = document.getRootElement();
        String name = root.getName();
        if (name.equals("rss")) {
            inNoNamespace(root);
            String version = root.getAttributeValue("version");
            if (version == null || !RSS_VERSIONS.contains(version.strip())) {
                root.setAttribute("version", "2.0");
            }
            return withChannel(root);
        }
        if (name.equals("RDF") && root.getNamespaceURI().equals(RDF)) {
            return rdfWithChannel(root);
        }
        if (name.equalsIgnoreCase("channel") && root.getNamespace() == Namespace.NO_NAMESPACE) {
            document.setRootElement(fromCdf(root));
        } else if (name.equals("feed") && ATOM.contains(root.getNamespaceURI())) {
            for (Element item : root.getChildren("item", root.getNamespace())) {
                item.setName("entry");
            }
        }
        return Optional.empty();
    }

    /** The root's elements and those in its namespace, moved to none. */
    private static void inNoNamespace(Element root) {
        Namespace namespace = root.getNamespace();
        if (namespace == Namespace.NO_NAMESPACE) {
            return;
        }
        List<Element> inIt = new ArrayList<>();
        inIt.add(root);
        root.getDescendants(Filters.element(namespace)).forEach(inIt::add);
        for (Element element : inIt) {
            // a default namespace declared here would clash with none; the elements it named keep it
            for (Namespace declared : List.copyOf(element.getAdditionalNamespaces())) {
                if (declared.getPrefix().isEmpty()) {
                    element.removeNamespaceDeclaration(declared);
                }
            }
            element.setNamespace(Namespace.NO_NAMESPACE);
        }
    }

    private static Optional<String> withChannel(Element rss) {
        if (rss.getChild("channel") != null) {
            return Optional.empty();
        }
        Element channel = new Element("channel");
        channel.addContent(new ArrayList<Content>(rss.removeContent()));
        rss.addContent(channel);
        return Optional.of(NO_CHANNEL);
    }

    private static Optional<String> rdfWithChannel(Element rdf) {
        if (rdf.getChildren().stream().anyMatch(child -> child.getName().equals("channel"))) {
            return Optional.empty();
        }
        Namespace rss = rdf.getChildren().stream().filter(child -> child.getName().equals("item")).findFirst()
                .map(Element::getNamespace).orElse(rdf.getNamespace(""));
        rdf.addContent(0, new Element("channel", rss == null ? Namespace.NO_NAMESPACE : rss));
        return Optional.of(NO_CHANNEL);
    }

    /** The RSS 2.0 that a CDF channel maps to. */
    private static Element fromCdf(Element cdf) {
        Element channel = new Element("channel");
        mapCdf(cdf, channel);
        for (Element item : cdf.getDescendants(Filters.element())) {
            if (item.getName().equalsIgnoreCase("item")) {
                Element rssItem = new Element("item");
                mapCdf(item, rssItem);
                channel.addContent(rssItem);
            }
        }
        return new Element("rss").setAttribute("version", "2.0").addContent(channel);
    }

    /** The title, abstract, address and date of a CDF channel or item as RSS's elements, and its other elements. */
    private static void mapCdf(Element cdf, Element rss) {
        for (Element child : cdf.getChildren()) {
            if (child.getName().equalsIgnoreCase("title")) {
                rss.addContent(new Element("title").setText(child.getTextTrim()));
            } else if (child.getName().equalsIgnoreCase("abstract")) {
                rss.addContent(new Element("description").setText(child.getTextTrim()));
            } else if (!child.getName().equalsIgnoreCase("item") && !child.getName().equalsIgnoreCase("channel")) {
                rss.addContent(child.clone());
            }
        }
        String href = attribute(cdf, "href");
        if (href != null) {
            rss.addContent(new Element("link").setText(resolved(cdf, href.strip())));
        }
        String lastModified = attribute(cdf, "lastmod");
        if (lastModified != null) {
            rss.addContent(new Element("pubDate").setText(lastModified.strip()));
        }
    }

    /** An attribute's value, its name in any case (CDF's are upper case), or null. */
    private static String attribute(Element element, String name) {
        return element.getAttributes().stream().filter(a -> a.getName().equalsIgnoreCase(name)).findFirst()
                .map(a -> a.getValue()).orElse(null);
    }

    /** {@code href} against the nearest {@code BASE} of the element or its ancestors, when both are addresses. */
    private static String resolved(Element element, String href) {
        for (Element at = element; at != null; at = at.getParentElement()) {
            String base = attribute(at, "base");
            if (base != null) {
                try {
                    return URI.create(base.strip()).resolve(href).toString();
                } catch (IllegalArgumentException notAnAddress) {
                    return href;
                }
            }
        }
        return href;
    }
}
