import { useMemo } from 'react';
import { ChatWidget } from './ChatWidget';
import { visitorToken, websiteTokenFromUrl } from './tokens';

const products = [
  { name: 'Trail Runner Sneakers', price: '$89', tone: 'coral' },
  { name: 'Everyday Canvas Tote', price: '$34', tone: 'sky' },
  { name: 'Merino Crew Sweater', price: '$72', tone: 'sage' },
  { name: 'Ceramic Pour-Over Set', price: '$45', tone: 'sand' },
  { name: 'Wireless Desk Lamp', price: '$58', tone: 'plum' },
  { name: 'Insulated Water Bottle', price: '$26', tone: 'mint' },
];

/** A made-up shop page that hosts the customer chat widget, for demos and tests. */
export function WidgetApp() {
  const websiteToken = useMemo(() => websiteTokenFromUrl(), []);
  const visitor = useMemo(() => visitorToken(), []);

  return (
    <div className="store">
      <header className="store__header">
        <a className="store__logo" href="#top">
          Acme Store
        </a>
        <nav className="store__nav" aria-label="Shop">
          <a href="#new">New in</a>
          <a href="#women">Women</a>
          <a href="#men">Men</a>
          <a href="#home">Home</a>
          <a href="#sale">Sale</a>
        </nav>
        <span className="store__cart">Cart (0)</span>
      </header>

      <main id="top">
        <section className="store__hero">
          <p className="store__eyebrow">Spring collection</p>
          <h1>Good things for everyday life.</h1>
          <p>Free shipping on orders over $50 and free returns within 30 days.</p>
          <a className="store__cta" href="#new">
            Shop new arrivals
          </a>
        </section>

        <section className="store__grid" id="new" aria-label="New arrivals">
          {products.map((p) => (
            <article key={p.name} className="product">
              <div className={`product__image product__image--${p.tone}`} aria-hidden="true" />
              <h3>{p.name}</h3>
              <p>{p.price}</p>
            </article>
          ))}
        </section>
      </main>

      <footer className="store__footer">© Acme Store — a demo page for the Inbox chat widget.</footer>

      <ChatWidget websiteToken={websiteToken} visitorToken={visitor} businessName="Acme" />
    </div>
  );
}
