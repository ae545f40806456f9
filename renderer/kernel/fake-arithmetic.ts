/**
 * Evaluates `1 + 2 * (3 - 1)`: numbers, + - * / %, unary minus and parentheses. The fake kernel
 * (fake-kernel-client.ts) answers such cells without running code; anything else is `null`.
 */
export function evaluateArithmetic(text: string): number | null {
  const tokens = text.match(/\d+(?:\.\d+)?(?:e[+-]?\d+)?|[-+*/%()]|\S/gi) ?? [];
  let at = 0;
  const peek = () => tokens[at];
  const take = () => tokens[at++];

  function expression(): number | null {
    let value = term();
    while (value !== null && (peek() === '+' || peek() === '-')) {
      const operator = take();
      const right = term();
      if (right === null) return null;
      value = operator === '+' ? value + right : value - right;
    }
    return value;
  }

  function term(): number | null {
    let value = factor();
    while (value !== null && (peek() === '*' || peek() === '/' || peek() === '%')) {
      const operator = take();
      const right = factor();
      if (right === null) return null;
      value = operator === '*' ? value * right : operator === '/' ? value / right : value % right;
    }
    return value;
  }

  function factor(): number | null {
    const token = take();
    if (token === '-') {
      const value = factor();
      return value === null ? null : -value;
    }
    if (token === '(') {
      const value = expression();
      return take() === ')' ? value : null;
    }
    return token !== undefined && /^\d/.test(token) ? Number(token) : null;
  }

  if (tokens.length === 0) return null;
  const value = expression();
  return at === tokens.length ? value : null;
}
