/**
 * What a cell defines and reads, from its code (core/protocol.ts `CellDependencies`), for the
 * app's stale cells: a cell is stale when a cell that defines a name it read changed or ran again
 * after it ran. One list of names for both languages:
 *
 * - TypeScript names as written (case-sensitive, as TypeScript reads them). A TypeScript cell
 *   defines the names it declares at top level (what the scope transform publishes to later
 *   cells) and the free names it assigns (`total += x`, also inside a function); it reads the free
 *   names it references: not declared in the cell, nor bound where they are used (parameters,
 *   block and function locals, catch variables). Property names (`a.b`, `{ b: 1 }`), labels and
 *   everything in types are not reads. Globals are read like any name; only names a cell defines
 *   can make another cell stale, so they do not matter.
 * - SQL names lower-cased (DuckDB's identifiers are case-insensitive): the tables and views of a
 *   `%%sql` cell (kernels/sql/sql-dependencies.ts) and of a TypeScript cell's `sql` templates
 *   (`${x}` in them is an ordinary read of `x`), and `register('name', …)`, which makes a table.
 * - A `%%sql NAME` cell also defines NAME as written: TypeScript cells read it by that name.
 *
 * It needs the TypeScript compiler, so the kernel reaches it through compile-cell.ts, which
 * loads after the kernel is ready; a SQL cell's names need only the tokenizer.
 */
import ts from 'typescript';
import type { CellDependencies } from '../../core/protocol';
import { sqlCellDependencies, sqlDependencies } from '../sql/sql-dependencies';
import { createScopeTransformer, type ScopeTransformResult } from './scope-transform';

export function cellDependencies(code: string): CellDependencies {
  return sqlCellDependencies(code) ?? typeScriptDependencies(code);
}

export function typeScriptDependencies(code: string): CellDependencies {
  const file = ts.createSourceFile('cell.ts', code, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const walker = new FreeNames(topLevelDeclarations(file));
  walker.visitFile(file);
  return { defines: [...walker.defines], reads: [...walker.reads] };
}

/** The names the scope transform publishes, so that both agree on what a cell declares. */
function topLevelDeclarations(file: ts.SourceFile): Set<string> {
  const result: ScopeTransformResult = { declared: new Set(), returnsValue: false };
  ts.transform(file, [createScopeTransformer(result)]).dispose();
  return result.declared;
}

class Scope {
  constructor(
    readonly names: ReadonlySet<string>,
    private readonly parent: Scope | null,
  ) {}

  binds(name: string): boolean {
    return this.names.has(name) || (this.parent?.binds(name) ?? false);
  }
}

class FreeNames {
  readonly defines: Set<string>;
  readonly reads = new Set<string>();

  constructor(private readonly declared: Set<string>) {
    this.defines = new Set(declared);
  }

  visitFile(file: ts.SourceFile): void {
    // A `var` inside a top-level block is local to the cell's wrapper function.
    const top = new Scope(new Set([...this.declared, ...varNames(file)]), null);
    ts.forEachChild(file, (child) => this.visit(child, top));
  }

  private visit(node: ts.Node, scope: Scope): void {
    if (isTypeOnly(node)) return;
    if (ts.isIdentifier(node)) {
      if (isReference(node) && !scope.binds(node.text)) this.reads.add(node.text);
      return;
    }
    if (ts.isBinaryExpression(node) && isAssignment(node.operatorToken.kind)) {
      const compound = node.operatorToken.kind !== ts.SyntaxKind.EqualsToken;
      this.assigned(node.left, scope, compound);
      this.visit(node.right, scope);
      return;
    }
    if (
      (ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) &&
      (node.operator === ts.SyntaxKind.PlusPlusToken ||
        node.operator === ts.SyntaxKind.MinusMinusToken)
    ) {
      this.assigned(node.operand, scope, true);
      return;
    }
    if (ts.isTaggedTemplateExpression(node)) this.sqlTemplate(node, scope);
    if (ts.isCallExpression(node)) this.registration(node, scope);
    const inner = innerScope(node, scope);
    ts.forEachChild(node, (child) => this.visit(child, inner));
  }

  /** An assignment's target: a free name is defined (and read too by `+=`, `++`). */
  private assigned(target: ts.Expression, scope: Scope, compound: boolean): void {
    if (ts.isParenthesizedExpression(target))
      return this.assigned(target.expression, scope, compound);
    if (ts.isIdentifier(target)) {
      if (scope.binds(target.text)) return;
      this.defines.add(target.text);
      if (compound) this.reads.add(target.text);
      return;
    }
    if (ts.isArrayLiteralExpression(target)) {
      for (const element of target.elements) this.assigned(element, scope, compound);
      return;
    }
    if (ts.isObjectLiteralExpression(target)) {
      for (const property of target.properties) {
        if (ts.isShorthandPropertyAssignment(property)) {
          this.assigned(property.name, scope, compound);
          if (property.objectAssignmentInitializer)
            this.visit(property.objectAssignmentInitializer, scope);
        } else if (ts.isPropertyAssignment(property)) {
          if (ts.isComputedPropertyName(property.name)) this.visit(property.name, scope);
          this.assigned(property.initializer, scope, compound);
        } else if (ts.isSpreadAssignment(property)) {
          this.assigned(property.expression, scope, compound);
        }
      }
      return;
    }
    if (ts.isSpreadElement(target)) return this.assigned(target.expression, scope, compound);
    if (ts.isBinaryExpression(target) && target.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      // `[a = 1] = …`: a default value.
      this.assigned(target.left, scope, compound);
      this.visit(target.right, scope);
      return;
    }
    // `a.b = …`, `a[i] = …`: changes what `a` holds, which reads `a`.
    this.visit(target, scope);
  }

  /** `sql\`…\``: the tables its query reads and makes (its `${…}` are visited as code). */
  private sqlTemplate(node: ts.TaggedTemplateExpression, scope: Scope): void {
    if (!ts.isIdentifier(node.tag) || node.tag.text !== 'sql' || scope.binds('sql')) return;
    const template = node.template;
    const text = ts.isNoSubstitutionTemplateLiteral(template)
      ? template.text
      : template.head.text +
        template.templateSpans.map((span, i) => `$${i + 1}${span.literal.text}`).join('');
    const sql = sqlDependencies(text);
    for (const name of sql.reads) this.reads.add(name);
    for (const name of sql.defines) this.defines.add(name);
  }

  /** `register('name', frame)` makes the table `name`. */
  private registration(node: ts.CallExpression, scope: Scope): void {
    const [first] = node.arguments;
    if (
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'register' &&
      !scope.binds('register') &&
      first !== undefined &&
      ts.isStringLiteralLike(first)
    ) {
      this.defines.add(first.text.toLowerCase());
    }
  }
}

/** The scope the children of `node` see: the names it binds for them, if any. */
function innerScope(node: ts.Node, scope: Scope): Scope {
  const names = new Set<string>();
  if (ts.isFunctionLike(node)) {
    for (const parameter of node.parameters) bindingNames(parameter.name, names);
    if (ts.isFunctionExpression(node) && node.name) names.add(node.name.text);
    const body = 'body' in node ? node.body : undefined;
    if (body && ts.isBlock(body)) {
      for (const name of varNames(body)) names.add(name);
      names.add('arguments');
    }
  } else if (ts.isBlock(node) || ts.isModuleBlock(node)) {
    lexicalNames(node.statements, names);
  } else if (ts.isCaseBlock(node)) {
    for (const clause of node.clauses) lexicalNames(clause.statements, names);
  } else if (
    (ts.isForStatement(node) || ts.isForInStatement(node) || ts.isForOfStatement(node)) &&
    node.initializer &&
    ts.isVariableDeclarationList(node.initializer)
  ) {
    for (const declaration of node.initializer.declarations) bindingNames(declaration.name, names);
  } else if (ts.isCatchClause(node) && node.variableDeclaration) {
    bindingNames(node.variableDeclaration.name, names);
  } else if (ts.isClassExpression(node) && node.name) {
    names.add(node.name.text);
  }
  return names.size === 0 ? scope : new Scope(names, scope);
}

/** Names `let`, `const`, `class`, `function` and `enum` declare in a block's statements. */
function lexicalNames(statements: ts.NodeArray<ts.Statement>, into: Set<string>): void {
  for (const statement of statements) {
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations)
        bindingNames(declaration.name, into);
    } else if (
      (ts.isFunctionDeclaration(statement) ||
        ts.isClassDeclaration(statement) ||
        ts.isEnumDeclaration(statement)) &&
      statement.name
    ) {
      into.add(statement.name.text);
    }
  }
}

/** Names `var` declares anywhere in `node` outside nested functions (they hoist to it). */
function varNames(node: ts.Node): Set<string> {
  const names = new Set<string>();
  const visit = (child: ts.Node): void => {
    if (ts.isFunctionLike(child) || ts.isClassLike(child)) return;
    if (ts.isVariableDeclarationList(child) && (child.flags & ts.NodeFlags.BlockScoped) === 0) {
      for (const declaration of child.declarations) bindingNames(declaration.name, names);
    }
    ts.forEachChild(child, visit);
  };
  ts.forEachChild(node, visit);
  return names;
}

function bindingNames(name: ts.BindingName, into: Set<string>): void {
  if (ts.isIdentifier(name)) {
    into.add(name.text);
    return;
  }
  for (const element of name.elements) {
    if (!ts.isOmittedExpression(element)) bindingNames(element.name, into);
  }
}

function isAssignment(kind: ts.SyntaxKind): boolean {
  return kind >= ts.SyntaxKind.FirstAssignment && kind <= ts.SyntaxKind.LastAssignment;
}

/** Code that is erased when the cell compiles: nothing in it runs, so nothing in it is read. */
function isTypeOnly(node: ts.Node): boolean {
  if (ts.isTypeNode(node) && !ts.isExpressionWithTypeArguments(node)) return true;
  if (ts.isHeritageClause(node)) return node.token === ts.SyntaxKind.ImplementsKeyword;
  return (
    ts.isInterfaceDeclaration(node) ||
    ts.isTypeAliasDeclaration(node) ||
    ts.isTypeParameterDeclaration(node) ||
    (ts.isImportDeclaration(node) && node.importClause?.isTypeOnly === true) ||
    (ts.canHaveModifiers(node) &&
      (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.DeclareKeyword))
  );
}

/** Whether an identifier names a value where it stands, rather than declaring or labelling. */
function isReference(id: ts.Identifier): boolean {
  const parent = id.parent;
  if (ts.isShorthandPropertyAssignment(parent)) return parent.name === id;
  if (
    ts.isPropertyAccessExpression(parent) ||
    ts.isPropertyAssignment(parent) ||
    ts.isMethodDeclaration(parent) ||
    ts.isPropertyDeclaration(parent) ||
    ts.isGetAccessorDeclaration(parent) ||
    ts.isSetAccessorDeclaration(parent) ||
    ts.isEnumMember(parent) ||
    ts.isVariableDeclaration(parent) ||
    ts.isParameter(parent) ||
    ts.isFunctionDeclaration(parent) ||
    ts.isFunctionExpression(parent) ||
    ts.isClassDeclaration(parent) ||
    ts.isClassExpression(parent) ||
    ts.isEnumDeclaration(parent) ||
    ts.isModuleDeclaration(parent) ||
    ts.isJsxAttribute(parent)
  ) {
    return (parent as { name?: ts.Node }).name !== id;
  }
  if (ts.isBindingElement(parent)) return parent.name !== id && parent.propertyName !== id;
  return !(
    ts.isImportClause(parent) ||
    ts.isNamespaceImport(parent) ||
    ts.isImportSpecifier(parent) ||
    ts.isExportSpecifier(parent) ||
    ts.isImportEqualsDeclaration(parent) ||
    ts.isLabeledStatement(parent) ||
    ts.isBreakOrContinueStatement(parent) ||
    ts.isMetaProperty(parent) ||
    ts.isQualifiedName(parent)
  );
}
